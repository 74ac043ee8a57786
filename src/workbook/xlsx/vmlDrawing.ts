/**
 * The VML drawing that holds a sheet's note boxes (legacy drawing). Excel
 * shows a note only when its cell has a shape here. Edited as text: VML
 * from older Excel versions is not always well-formed XML, so shapes are
 * found by their own markers and everything else is left as it was.
 */

const SHAPE = /<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g;
const NOTE = /ObjectType\s*=\s*["']Note["']/;

export interface NoteShape {
  readonly row: number;
  readonly col: number;
  readonly start: number;
  readonly end: number;
}

/** The shape-id blocks a drawing claims (`<o:idmap data="1,2">`). */
export function idBlocks(vml: string): number[] {
  const m = /<o:idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/.exec(vml);
  if (m === null) return [];
  return m[1]
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

export function newVml(block: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
    ` <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>\n` +
    ' <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>\n' +
    '</xml>'
  );
}

export class VmlDrawing {
  private vml: string;
  changed = false;

  constructor(vml: string) {
    this.vml = vml;
  }

  text(): string {
    return this.vml;
  }

  noteShapes(): NoteShape[] {
    const out: NoteShape[] = [];
    for (const m of this.vml.matchAll(SHAPE)) {
      const shape = m[0];
      if (!NOTE.test(shape)) continue;
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
      if (row === null || col === null) continue;
      out.push({ row: Number(row[1]), col: Number(col[1]), start: m.index as number, end: (m.index as number) + shape.length });
    }
    return out;
  }

  hasShapes(): boolean {
    SHAPE.lastIndex = 0;
    return /<v:shape\b/.test(this.vml);
  }

  /** Removes the note shapes of these cells. */
  removeNotes(cells: readonly { row: number; col: number }[]): void {
    if (cells.length === 0) return;
    const wanted = new Set(cells.map((c) => `${c.row}:${c.col}`));
    const pieces: string[] = [];
    let at = 0;
    for (const shape of this.noteShapes()) {
      if (!wanted.has(`${shape.row}:${shape.col}`)) continue;
      pieces.push(this.vml.slice(at, shape.start));
      at = shape.end;
      // The line break Excel puts after a shape.
      if (this.vml[at] === '\n') at++;
    }
    if (pieces.length === 0) return;
    pieces.push(this.vml.slice(at));
    this.vml = pieces.join('');
    this.changed = true;
  }

  /** Adds hidden note boxes for these cells (0-based); `lines` sizes each box. */
  addNotes(cells: readonly { row: number; col: number; lines: number }[]): void {
    if (cells.length === 0) return;
    let next = 0;
    for (const m of this.vml.matchAll(/_x0000_s(\d+)/g)) next = Math.max(next, Number(m[1]));
    const blocks = idBlocks(this.vml);
    next = Math.max(next, (blocks[0] ?? 1) * 1024) + 1;
    const shapes: string[] = [];
    let z = (this.vml.match(/z-index:\d+/g) ?? []).length;
    for (const { row, col, lines } of cells) {
      const height = Math.min(Math.max(lines, 3), 14);
      const top = Math.max(row - 1, 0);
      const anchor = `${col + 1}, 15, ${top}, ${row === 0 ? 2 : 10}, ${col + 4}, 15, ${top + height}, 4`;
      shapes.push(
        `<v:shape id="_x0000_s${next++}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:${height * 15}pt;z-index:${++z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
          '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
          '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
          `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
          `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>\n`,
      );
    }
    // The drawing must claim a block of ids for every 1024 shapes it holds.
    const last = next - 1;
    const needed: number[] = [];
    for (let b = blocks[0] ?? 1; b <= Math.floor(last / 1024); b++) needed.push(b);
    if (needed.length > blocks.length) {
      this.vml = this.vml.replace(/(<o:idmap\b[^>]*\bdata\s*=\s*["'])[^"']*(["'])/, `$1${needed.join(',')}$2`);
    }
    const close = this.vml.lastIndexOf('</xml>');
    const at = close < 0 ? this.vml.length : close;
    this.vml = this.vml.slice(0, at) + shapes.join('') + this.vml.slice(at);
    this.changed = true;
  }
}
