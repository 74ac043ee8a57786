/**
 * The icons in assets/ are the ones scripts/generate-icons.js draws, in the
 * sizes Office asks for (16, 32, 80 on the ribbon; 32 and 64 for the add-in;
 * 128 for catalogues).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const icons = require('../../scripts/generate-icons.js') as { png(size: number): Buffer; SIZES: number[] };

describe('the icons', () => {
  test.each(icons.SIZES)('icon-%i.png is the drawing at its size', (size) => {
    const file = readFileSync(join(__dirname, '..', '..', 'assets', `icon-${size}.png`));
    expect([file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([size, size]);
    expect(file.equals(icons.png(size))).toBe(true);
  });

  test('every size Office asks for is there', () => {
    expect(icons.SIZES).toEqual([16, 32, 64, 80, 128]);
  });
});
