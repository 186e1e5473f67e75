/**
 * Function words: ignored when matching what two sentences are about. A general
 * list of English determiners, pronouns, auxiliaries, prepositions and
 * conjunctions, plus the reporting verbs every news sentence carries ("said").
 */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with without about as into onto upon over under ' +
    'than then that this these those there here it its it\'s he him his she her hers they them their theirs we us our ' +
    'you your i me my mine is are was were be been being am do does did done has have had having will would shall ' +
    'should can could may might must not no also just only very more most less least some any each every all both ' +
    'which who whom whose what when where why how if while after before during since until again further once ' +
    'said says say told tells stated according up down out off other such own same too s t'
  ).split(/\s+/),
);
