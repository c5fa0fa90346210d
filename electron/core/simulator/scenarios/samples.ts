import type { OcrSample } from './types';

/** A passport's machine-readable zone line (ICAO 9303 TD3): 44 characters, `<` as filler. */
const mrz = (line: string) => line.padEnd(44, '<');

/**
 * MRZ reads of four specimen passports, cycled through a batch: two clean reads, one where a line is doubtful, one
 * smudged card whose reads a supervisor should reject. The first is the ICAO 9303 specimen.
 */
export const OCR_READS: readonly (readonly OcrSample[])[] = [
  [
    { inspectionName: 'MrzLine1', text: mrz('P<UTOERIKSSON<<ANNA<MARIA'), meanConfidence: 0.97 },
    { inspectionName: 'MrzLine2', text: 'L898902C36UTO7408122F1204159ZE184226B<<<<<10', meanConfidence: 0.95 },
  ],
  [
    { inspectionName: 'MrzLine1', text: mrz('P<UTOMUSTERMANN<<ERIKA'), meanConfidence: 0.93 },
    { inspectionName: 'MrzLine2', text: 'C01X0O6T47UTO6408125F3010318<<<<<<<<<<<<<<<2', meanConfidence: 0.61 },
  ],
  [
    { inspectionName: 'MrzLine1', text: mrz('P<UTOTRAINEE<<JOHN<PAUL'), meanConfidence: 0.99 },
    { inspectionName: 'MrzLine2', text: 'T22000129UTO8001014M3112319<<<<<<<<<<<<<<<06', meanConfidence: 0.98 },
  ],
  [
    { inspectionName: 'MrzLine1', text: mrz('P<UT0SM1TH<<JAN3'), meanConfidence: 0.42 },
    { inspectionName: 'MrzLine2', text: 'X4?8812?1UTO9?05117F29?1010<<<<<<<<<<<<<<<<8', meanConfidence: 0.31 },
  ],
];

const base64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');

/** What the magnetic stripe encoder read back: ISO 7813 tracks 1 and 2, track 3 empty. */
export const STRIPE_READBACK = {
  track1Base64: base64('%B4000001234562345^TRAINEE/ANNA^3012101000000000000000?'),
  track2Base64: base64(';4000001234562345=30121010000000000000?'),
  track3Base64: null,
};

export const OCR_READBACK = { text: 'L898902C3', meanConfidence: 0.88 };

const BARCODE_DATA = 'TRAINING|L898902C3|ERIKSSON|ANNA';

/** AIDA 1.6 publishes BarcodeReadBackMessage: the symbology (`BarcodeFormat`), the text, and the bytes in base64. */
export const BARCODE_READBACK = { barcodeFormat: 'PDF_417', text: BARCODE_DATA, decodedBytes: base64(BARCODE_DATA) };

/**
 * What AIDA 1.6's barcode step decodes (BarcodeDecoded, results shaped like OCR's): a clean read, then a doubtful one,
 * in turn.
 */
export const BARCODE_READS: readonly (readonly OcrSample[])[] = [
  [{ inspectionName: 'Pdf417Back', text: BARCODE_DATA, meanConfidence: 0.99 }],
  [{ inspectionName: 'Pdf417Back', text: 'TRAINING|L8989O2C3|ERIKSS0N|ANNA', meanConfidence: 0.58 }],
];
