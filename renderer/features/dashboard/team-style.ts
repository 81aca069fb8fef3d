/**
 * How each team looks on the compliance chart and beside its column in the table. Colour alone must
 * not carry the difference (colour-blind readers, a washed-out projector): each team also gets its
 * own point shape and line dash. Colours are the Okabe–Ito set, picked for colour-vision deficiency,
 * lightened where needed to stay readable on the dark background.
 */
export interface TeamStyle {
  colour: string;
  /** Chart.js point style. */
  point: 'circle' | 'triangle' | 'rect' | 'rectRot' | 'star' | 'crossRot' | 'rectRounded';
  /** Line dash in pixels (empty: solid). */
  dash: number[];
  /** A small shape for the table's header, matching the point. */
  mark: string;
}

const colours = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#9ecae1'];
const points: TeamStyle['point'][] = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded'];
const marks = ['●', '▲', '■', '◆', '✱', '✕', '▢'];
const dashes = [[], [10, 5], [3, 4], [12, 4, 3, 4]];

export function teamStyle(index: number): TeamStyle {
  const i = index % colours.length;
  return { colour: colours[i]!, point: points[i]!, mark: marks[i]!, dash: dashes[index % dashes.length]! };
}

/** All teams together: the plain text colour, thicker, so it reads as the summary line. */
export const totalStyle: TeamStyle = { colour: '#f8fafc', point: 'circle', dash: [], mark: '━' };
