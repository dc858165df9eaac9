// VS Code client for the ochre language server: starts `ochre lsp` for
// JavaScript and JSX documents (files and untitled buffers).
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

// Called by VS Code when a JavaScript document is first opened.
async function activate(context) {
    const command = vscode.workspace.getConfiguration('ochre').get('path') || 'ochre';
    const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
    const clientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'javascript' },
            { scheme: 'file', language: 'javascriptreact' },
            { scheme: 'untitled', language: 'javascript' },
            { scheme: 'untitled', language: 'javascriptreact' },
        ],
        // VS Code pulls diagnostics itself when a server offers them; take
        // them from one channel only so nothing shows twice.
        initializationOptions: { diagnostics: 'pull' },
    };
    client = new LanguageClient('ochre', 'ochre', serverOptions, clientOptions);
    context.subscriptions.push(vscode.commands.registerCommand('ochre.restart', () => client.restart()));
    await client.start();
}

// Called by VS Code on shutdown: shutdown + exit for the server.
function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
