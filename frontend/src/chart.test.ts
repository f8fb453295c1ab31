// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { decimalsFor, describeChart, formatValue, layoutChart, linearScale, niceStep, niceTicks, projectionLabelY, seriesChart, sparkline, sparklineLabel, valueTable, yearTicks, type ChartInput } from './chart';
import { setLanguage } from './i18n';

afterEach(() => setLanguage('de'));

const kita: ChartInput = {
  series: [
    { year: 2021, value: 24 },
    { year: 2022, value: 26.5 },
    { year: 2024, value: 31 },
  ],
  baseline: { year: 2019, value: 20 },
  target: 35,
  targetYear: 2028,
  direction: 'higher',
  trend: { slope: 2, intercept: -4018, points: 4, from: 2019, to: 2024 },
  projected: 38,
  unit: '%',
};

describe('scales', () => {
  it('map a domain linearly onto a range, inverted for the value axis', () => {
    const x = linearScale(2019, 2029, 0, 100);
    expect(x(2019)).toBe(0);
    expect(x(2024)).toBe(50);
    const y = linearScale(0, 40, 300, 0);
    expect(y(0)).toBe(300);
    expect(y(40)).toBe(0);
    expect(y(10)).toBe(225);
    expect(linearScale(5, 5, 0, 10)(5)).toBe(5);
  });

  it('choose round ticks', () => {
    expect(niceStep(0, 40, 5)).toBe(10);
    expect(niceTicks(18.4, 39.6, 5)).toEqual([10, 20, 30, 40]);
    expect(niceTicks(0.12, 0.87, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceStep(0, 1, 5)).toBe(0.25);
    expect(decimalsFor(0.25)).toBe(2);
    expect(decimalsFor(5)).toBe(0);
    expect(yearTicks(2018.5, 2028.5, 6)).toEqual([2019, 2021, 2023, 2025, 2027]);
    expect(yearTicks(2018.5, 2024.5, 8)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
  });
});

describe('the series chart', () => {
  const L = layoutChart(kita, { width: 640, height: 300 });

  it('spans the years from the baseline to the target year, with half a year on either side', () => {
    expect(L.xDomain).toEqual([2018.5, 2028.5]);
    expect(L.points.map((p) => p.year)).toEqual([2021, 2022, 2024]);
    expect(L.points[0]!.x).toBeCloseTo(L.plot.left + ((2021 - 2018.5) / 10) * (L.plot.right - L.plot.left));
  });

  it('spans the values from the baseline to the projection, on round ticks', () => {
    expect(L.yDomain[0]).toBeLessThanOrEqual(20);
    expect(L.yDomain[1]).toBeGreaterThanOrEqual(38);
    expect(L.yTicks[0]).toBe(L.yDomain[0]);
    expect(L.yTicks.every((v) => v % 5 === 0)).toBe(true);
    // Higher values lie higher on the page.
    expect(L.y(35)).toBeLessThan(L.y(20));
  });

  it('draws the line through the values and places the baseline', () => {
    expect(L.line.startsWith('M')).toBe(true);
    expect(L.line.split('L')).toHaveLength(3);
    expect(L.baseline).toMatchObject({ year: 2019, value: 20 });
  });

  it('draws the target as a line and the trend on to the target year', () => {
    expect(L.target).toMatchObject({ kind: 'line', value: 35 });
    expect(L.targetYear?.year).toBe(2028);
    expect(L.projection).toMatchObject({ fromYear: 2019, toYear: 2028, value: 38 });
    expect(L.projection!.y1).toBeCloseTo(L.y(20));
    expect(L.projection!.x2).toBeCloseTo(L.x(2028));
  });

  it('draws a target range as a band between its ends', () => {
    const band = layoutChart({ series: [{ year: 2023, value: 12 }, { year: 2024, value: 14 }], target: 10, targetUpper: 20, direction: 'range', unit: 'Tage' }, { width: 400, height: 240 });
    expect(band.target?.kind).toBe('band');
    if (band.target?.kind !== 'band') return;
    expect(band.target.yTop).toBeCloseTo(band.y(20));
    expect(band.target.yBottom).toBeCloseTo(band.y(10));
    expect(band.projection).toBeUndefined();
  });

  it('copes with one value and with none', () => {
    const one = layoutChart({ series: [{ year: 2024, value: 7 }] }, { width: 300, height: 200 });
    expect(one.line).toBe('');
    expect(one.xDomain).toEqual([2022.5, 2025.5]);
    expect(one.yDomain[0]).toBeLessThan(7);
    const none = layoutChart({ series: [] }, { width: 300, height: 200 });
    expect(none.points).toEqual([]);
  });

  it('keeps values that cannot be negative above zero', () => {
    const L2 = layoutChart({ series: [{ year: 2023, value: 0.5 }, { year: 2024, value: 9 }] }, { width: 300, height: 200 });
    expect(L2.yDomain[0]).toBe(0);
  });
});

describe('German formatting', () => {
  it('writes values with a decimal comma and the unit', () => {
    expect(formatValue(31.5, '%')).toBe('31,5\u00a0%');
    expect(formatValue(1234, 'Personen')).toBe('1.234\u00a0Personen');
    expect(formatValue(0.125)).toBe('0,13');
  });

  it('describes the chart in words for screen readers', () => {
    expect(describeChart(kita)).toBe(
      'Werte: 2021: 24\u00a0%; 2022: 26,5\u00a0%; 2024: 31\u00a0%. Ausgangswert 2019: 20\u00a0%. Ziel: 35\u00a0%. Zieljahr 2028. Prognose des Trends für 2028: 38\u00a0%.',
    );
    setLanguage('en');
    expect(describeChart(kita)).toContain('Values: 2021: 24\u00a0%; 2022: 26.5\u00a0%');
  });

  it('renders an image with title, description, German tick labels and years without separators', () => {
    const svg = seriesChart(kita, { id: 'c1', title: 'Kita-Besuchsquote' });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('c1-title c1-desc');
    expect(svg.querySelector('title')?.textContent).toBe('Kita-Besuchsquote');
    expect(svg.querySelector('desc')?.textContent).toContain('Ausgangswert 2019');
    const texts = [...svg.querySelectorAll('text')].map((x) => x.textContent);
    expect(texts).toContain('2024');
    expect(texts).not.toContain('2.024');
    expect(texts).toContain('Ziel 35\u00a0%');
    expect(texts).toContain('Prognose 2028: 38\u00a0%');
    expect(svg.querySelectorAll('circle')).toHaveLength(3);
    // dashed target and dotted projection
    expect(svg.querySelector('.chart-target line')?.getAttribute('stroke-dasharray')).toBe('8 4');
    expect(svg.querySelector('.chart-projection line')?.getAttribute('stroke-dasharray')).toBe('3 4');
    expect(svg.outerHTML).not.toContain('style=');
  });

  it('keeps the projection’s label off the target’s', () => {
    const L = layoutChart(kita, { width: 640, height: 300 });
    const y = projectionLabelY(L);
    const target = L.target?.kind === 'line' ? L.target.y : 0;
    // the text's box (12 px high above its baseline) does not cross the target's line
    expect(target < y - 14 || target > y + 4).toBe(true);
    expect(y).toBeLessThanOrEqual(L.plot.bottom);
    expect(y - 12).toBeGreaterThanOrEqual(L.plot.top);
  });

  it('puts the values in a table', () => {
    const table = valueTable(kita, 'Werte');
    expect([...table.querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual(['202124\u00a0%', '202226,5\u00a0%', '202431\u00a0%']);
  });

  it('labels the sparkline with the values', () => {
    expect(sparklineLabel('Quote', kita)).toBe('Verlauf Quote: 2021: 24\u00a0%, 2022: 26,5\u00a0%, 2024: 31\u00a0%. Ziel: 35\u00a0%.');
    const svg = sparkline(kita, 'x');
    expect(svg.getAttribute('aria-label')).toBe('x');
    expect(svg.querySelector('path')).not.toBeNull();
  });
});
