// PDF.js as a bundle of its own, dist/pdfjs.js, which pdf.ts loads on the first PDF:
// the library, and its worker module, which registers itself as `globalThis.pdfjsWorker`
// on load so that PDF.js runs in this thread rather than looking for a worker file.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

export * from 'pdfjs-dist/legacy/build/pdf.mjs';
