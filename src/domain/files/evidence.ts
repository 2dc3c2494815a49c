/** Evidence attached to an appeal (亩均, 对标验收): the size limit, the types kept, and the name as stored. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** The evidence types accepted, by extension, with the content type they are served as (never the sender's). */
const EVIDENCE_MIME: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  ofd: 'application/ofd',
};

/** The content type of an evidence file by its extension (unknown: a plain download). */
export function evidenceMime(fileName: string): string {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return EVIDENCE_MIME[ext] ?? 'application/octet-stream';
}

/** An uploaded name as stored: its last path segment, no control characters, at most 200 characters. */
export function evidenceFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

