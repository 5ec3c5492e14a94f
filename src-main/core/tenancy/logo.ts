import { readFileSync } from 'node:fs';
import type { BusinessSettings } from '@shared/contract/tenancy';
import { AppError } from '@shared/domain/errors';
import type { TenantCtx } from '../context';
import { updateSettings } from './settings-service';

/**
 * The image type from the file's first bytes, not its name or what the browser claimed: the logo is shown
 * on screens and printed receipts, so only the four formats the settings form offers are kept.
 */
export function sniffImageType(bytes: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  // SVG is text: an optional BOM, XML declaration, comments and doctype, then the <svg> root element.
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}

/**
 * Sets the logo from a file handed in over the binary upload path (never base64 inside a request), or
 * removes it. Stored as a data URL in business settings, changed and audited like any settings edit.
 */
export async function setLogo(ctx: TenantCtx, uploadId: string | null): Promise<BusinessSettings> {
  if (uploadId === null) return updateSettings(ctx, { logoDataUrl: null });
  return ctx.core.uploads.use(uploadId, 'tenant-logo', ctx.session.token, async (file) => {
    const bytes = readFileSync(file.path);
    const type = sniffImageType(bytes);
    if (!type) throw new AppError('VALIDATION', 'request.invalid', { fields: { uploadId: 'not-an-image' } });
    return updateSettings(ctx, { logoDataUrl: `data:${type};base64,${bytes.toString('base64')}` });
  });
}
