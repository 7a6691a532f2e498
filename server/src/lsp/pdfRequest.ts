// The answer to `inspectionReports/pdfText`: the PDF's bytes come as base64, its text (or
// the one-line reason it has none) goes back. Never a failed request: the client shows
// the reason as it stands.
import { firstLine, largestPdf, megabytes, PdfError, pdfText } from '../report';
import type { PdfTextParams, PdfTextResult } from '../protocol';

export async function answerPdfText(params: PdfTextParams | undefined, log: (message: string) => void): Promise<PdfTextResult> {
  const data = params?.data;
  if (typeof data !== 'string') return { error: 'no PDF was sent' };
  // Four characters of base64 for three bytes: refused before decoding.
  if (data.length > Math.ceil(largestPdf / 3) * 4) return { error: `it is over the ${megabytes(largestPdf)} limit for a PDF` };
  try {
    return { text: await pdfText(Buffer.from(data, 'base64')) };
  } catch (error) {
    if (error instanceof PdfError) return { error: error.message };
    log(`Inspection Reports: reading a PDF failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { error: `it could not be read (${firstLine(error)})` };
  }
}
