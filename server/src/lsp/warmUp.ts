// V8 compiles the parser as it first runs it and optimises it only as it keeps running:
// in a fresh server the first parse of a 114 KB report takes some 35 ms, and parsing
// settles at about 2 ms only after some 35 more. So the first report opened is read again
// while the server is otherwise idle, a keystroke's work at a time through the event
// loop, and the first keystrokes meet a parser that is already fast. While the user
// types, or the editor asks for the outline, hovers and the like, their own parses warm
// it and the warming waits: a message that arrives during one round waits for that round
// alone.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkReport, documentSymbols, parseReport, type KindDefinition } from '../report';

/** Up to `rounds` keystrokes on a copy of the document, one per turn of the event loop and none while `busy()`. */
export function warmUp(document: TextDocument, kinds: readonly KindDefinition[], busy: () => boolean, rounds = 40): void {
  let copy = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
  const first = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const next = (): void => {
    if (rounds <= 0) return;
    if (busy()) {
      setTimeout(next, 100);
      return;
    }
    rounds--;
    // The text as an edit leaves it (the first character typed again over itself), not as
    // read whole: the parser is optimised for the strings it will be given.
    try {
      copy = TextDocument.update(copy, [{ range: first, text: copy.getText(first) }], copy.version + 1);
      const report = parseReport(copy.getText(), { kinds });
      JSON.stringify(documentSymbols(report));
      checkReport(report);
    } catch {
      // The same work on the document itself fails too, and is logged there.
      return;
    }
    setImmediate(next);
  };
  setImmediate(next);
}
