// The resize jobs are kept in an array "to await later" and only counted: the
// thumbnails step runs before a single image is resized.
import { resizeImage } from './shared/storage.js';

export async function makeThumbnails(paths: readonly string[]): Promise<number> {
  const jobs = paths.map((file) => resizeImage(file, 320)); // expect-floating
  console.info(`resizing ${jobs.length} images`);
  return jobs.length;
}
