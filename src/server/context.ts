/** What the server's feature modules share: the connection, documents, settings and sources. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AcceptedStore } from './accepted';
import type { Settings } from './settings';
import type { Sources } from './sources';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: Settings;
  sources: Sources;
  accepted: AcceptedStore;
  /** Workspace folders as file-system paths. */
  folders: string[];
  /** False after "Toggle Checking" turned checking off. */
  checkingEnabled: boolean;
  indexing: boolean;
  log(message: string): void;
}
