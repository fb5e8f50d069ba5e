/**
 * Downscaling photos on the device before upload: 2G networks and cheap phones (field study,
 * finding 4) cannot afford 4000 × 3000 camera files. The size arithmetic is a pure function;
 * the pixel work uses `createImageBitmap` and a canvas.
 */

/** Limits for a downscaled photo. */
export interface DownscaleOptions {
  /** The longest edge in pixels (default 1600, enough to read a face or a sign). */
  maxEdge?: number;
  /** The most pixels in total (default 2 000 000); whichever limit is tighter wins. */
  maxPixels?: number;
}

/** The target size of a downscaled image. */
export interface DownscaleSize {
  width: number;
  height: number;
  /** Between 0 and 1; 1 means the image is kept as it is. */
  scale: number;
}

/**
 * The size a photo should be drawn at: within both limits, aspect ratio kept, never enlarged,
 * whole pixels, at least 1 × 1.
 *
 * @example
 * ```ts
 * computeDownscale({ width: 4000, height: 3000 }); // { width: 1600, height: 1200, scale: 0.4 }
 * computeDownscale({ width: 800, height: 600 });   // { width: 800, height: 600, scale: 1 }
 * ```
 */
export function computeDownscale(
  source: { width: number; height: number },
  { maxEdge = 1600, maxPixels = 2_000_000 }: DownscaleOptions = {},
): DownscaleSize {
  const { width, height } = source;
  if (!(width > 0 && height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) {
    throw new RangeError(`An image must have a positive size, not ${width} × ${height}.`);
  }
  if (!(maxEdge > 0) || !(maxPixels > 0)) throw new RangeError('Limits must be positive.');
  const byEdge = maxEdge / Math.max(width, height);
  const byPixels = Math.sqrt(maxPixels / (width * height));
  const scale = Math.min(1, byEdge, byPixels);
  if (scale === 1) return { width, height, scale };
  let w = Math.max(1, Math.floor(width * scale));
  let h = Math.max(1, Math.floor(height * scale));
  // Flooring keeps both limits; re-check the pixel budget after rounding anyway.
  while (w * h > maxPixels && w > 1 && h > 1) {
    w -= 1;
    h = Math.max(1, Math.floor((w * height) / width));
  }
  return { width: w, height: h, scale: w / width };
}

/** What {@link downscaleImage} gives back. */
export interface DownscaledImage {
  blob: Blob;
  width: number;
  height: number;
  originalWidth: number;
  originalHeight: number;
  originalBytes: number;
}

/** Options of {@link downscaleImage}. */
export interface DownscaleImageOptions extends DownscaleOptions {
  /** JPEG quality to start with (default 0.8). */
  quality?: number;
  /** Lower the quality until the file is at most this big (default 1 MB; the API takes 5 MB). */
  maxBytes?: number;
}

/**
 * Decodes a photo, draws it at {@link computeDownscale}'s size and encodes JPEG, lowering
 * the quality if the file is still over `maxBytes`. Keeps the original when it is already
 * small enough and a JPEG would not be smaller.
 *
 * @throws if the browser cannot decode the file (not an image, or a format it lacks).
 * @example
 * ```ts
 * const photo = await downscaleImage(input.files[0], { maxEdge: 1600 });
 * await client.attachments.create({ file: photo.blob, kind: 'PHOTO' });
 * ```
 */
export async function downscaleImage(
  file: Blob,
  options: DownscaleImageOptions = {},
): Promise<DownscaledImage> {
  const { quality = 0.8, maxBytes = 1_000_000 } = options;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const size = computeDownscale(bitmap, options);
    const base = {
      width: size.width,
      height: size.height,
      originalWidth: bitmap.width,
      originalHeight: bitmap.height,
      originalBytes: file.size,
    };
    if (size.scale === 1 && file.size <= maxBytes && /^image\/(jpeg|webp)$/.test(file.type)) {
      return { ...base, blob: file };
    }
    const draw = makeCanvas(size.width, size.height);
    draw.context.drawImage(bitmap, 0, 0, size.width, size.height);
    let blob = await draw.toJpeg(quality);
    for (const lower of [0.65, 0.5, 0.4]) {
      if (blob.size <= maxBytes || lower >= quality) break;
      blob = await draw.toJpeg(lower);
    }
    return { ...base, blob };
  } finally {
    bitmap.close();
  }
}

interface Drawing {
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  toJpeg: (quality: number) => Promise<Blob>;
}

function makeCanvas(width: number, height: number): Drawing {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (context)
      return {
        context,
        toJpeg: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }),
      };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas.');
  return {
    context,
    toJpeg: (quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('Encoding failed.'))),
          'image/jpeg',
          quality,
        ),
      ),
  };
}

/** `184320` → `180 KB` (binary units, one decimal under 10). */
export function formatBytes(bytes: number, locale: 'id' | 'en' = 'id'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  const text = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
  return `${text} ${units[unit]}`;
}
