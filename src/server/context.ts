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
  /**
   * The client shows the outcome of commands itself, with buttons (the VS Code extension says so in
   * its initializationOptions); other editors get the server's window/showMessage instead.
   */
  clientShowsMessages: boolean;
  log(message: string): void;
  /**
   * Tells the writer something with window/showMessage: a notification every editor shows without
   * waiting for an answer (window/showMessageRequest, which the server library's showXMessage
   * sends, makes Neovim stop for a prompt).
   */
  tell(type: 'info' | 'warning' | 'error', message: string): void;
}
