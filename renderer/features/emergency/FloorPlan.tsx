/**
 * The floor plan with "you are here". An outer SVG scales the plan (an image, so a site's own SVG
 * can never run anything) and the marker together, to whatever room the layout leaves.
 */
import { useTranslation } from 'react-i18next';
import type { FloorPlanImage } from './emergency-cache.js';
import type { HereMarker } from './device-settings.js';
import { useBothLanguages } from './Bilingual.js';

/** Without anything cached or fetched yet: the plan the app ships with, from its own folder. */
const shipped: FloorPlanImage = { src: 'floor-plan.svg', url: 'floor-plan.svg', width: 1600, height: 1000 };

/** About how wide a line is drawn: CJK characters a full em, others a little over half. */
function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.58;
  return ems * fontSize;
}

export function FloorPlan({ plan, here }: { plan: FloorPlanImage | null; here: HereMarker | null }) {
  const { t } = useTranslation();
  const { first, second, t1, t2 } = useBothLanguages();
  const { src, width, height } = plan ?? shipped;
  const unit = Math.min(width, height) / 100;
  const x = here ? (here.x / 100) * width : 0;
  const y = here ? (here.y / 100) * height : 0;
  // The label sits beside the dot, on whichever side has room, on a white card.
  const labelLeft = here ? here.x > 60 : false;
  const fontSize = 4.4 * unit;
  const lines = [t1('emergency.plan.youAreHere'), t2('emergency.plan.youAreHere')];
  const labelWidth = Math.max(...lines.map((line) => textWidth(line, fontSize)));
  const pad = 1.2 * unit;
  const labelX = labelLeft ? x - 7 * unit : x + 7 * unit;
  const cardX = labelLeft ? labelX - labelWidth - pad : labelX - pad;
  const cardY = y - fontSize - pad;
  return (
    <figure className="evac-plan">
      <svg
        className="evac-plan-svg"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="xMidYMid meet"
        style={{ aspectRatio: `${width} / ${height}` }}
        role="img"
        aria-label={here ? `${t('emergency.plan.alt')} ${t('emergency.plan.youAreHere')}` : t('emergency.plan.alt')}
      >
        <image href={src} x="0" y="0" width={width} height={height} />
        {here && (
          <g className="evac-here" data-testid="you-are-here">
            <circle className="evac-here-pulse" cx={x} cy={y} r={6 * unit} />
            <circle className="evac-here-dot" cx={x} cy={y} r={3.2 * unit} />
            <rect className="evac-here-card" x={cardX} y={cardY} width={labelWidth + 2 * pad} height={2 * fontSize + 2.4 * pad} rx={unit} />
            <g className="evac-here-label" fontSize={fontSize} fontWeight={700} textAnchor={labelLeft ? 'end' : 'start'}>
              <text x={labelX} y={y - 0.4 * unit} lang={first}>
                {lines[0]}
              </text>
              <text x={labelX} y={y + fontSize + 0.2 * unit} lang={second}>
                {lines[1]}
              </text>
            </g>
          </g>
        )}
      </svg>
    </figure>
  );
}
