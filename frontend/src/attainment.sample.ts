// A monitoring answer for the tests, as GET /api/v1/analysis/monitoring gives it
// (analysis/attainment_types.go), built by hand.

import type { AttainmentResult, GoalAttainment } from './types';

function goal(id: string, over: Partial<GoalAttainment>): GoalAttainment {
  return {
    goal: id,
    text: id,
    fields: [],
    indicators: [],
    children: [],
    measures: [],
    measure_status: { planned: 0, active: 0, paused: 0, completed: 0 },
    class: 'no_data',
    counts: {},
    explanation: '',
    ...over,
  };
}

/**
 * One concept with two Leitlinien, a strategic goal with two Handlungsziele,
 * a goal without a Leitlinie, and a goal outside any concept.
 */
export const sample: AttainmentResult = {
  region: '05562',
  year: 2024,
  concepts: [
    { id: 'cpt_1', name: 'Integrationsplan 2017', goals: ['gol_1', 'gol_4'], class: 'on_track', counts: { on_track: 1, at_risk: 1 }, explanation: '2 Ziele.' },
    { id: '', name: 'Ziele außerhalb eines Konzepts', goals: ['gol_5'], class: 'no_data', counts: {}, explanation: 'Ein Ziel, noch ohne Daten.' },
  ],
  guidelines: [
    { id: 'gdl_1', title: 'Bildung von Anfang an', reference: 'L 1', concept: 'cpt_1', goals: ['gol_1', 'gol_2'] },
    { id: 'gdl_2', title: 'Integration ist Querschnittsaufgabe', reference: 'L 2', concept: 'cpt_1', goals: [] },
  ],
  fields: [{ id: 'fld_bildung', name: 'Bildung', goals: ['gol_1'], class: 'on_track', counts: {}, explanation: '' }],
  goals: [
    goal('gol_1', { text: 'Alle Kinder besuchen eine Kita', reference: '1', level: 'strategic', priority: 'focus', concept: 'cpt_1', guideline: 'gdl_1', fields: ['fld_bildung'], children: ['gol_3', 'gol_2'], class: 'on_track', explanation: 'Bewertet nach 2 Unterzielen.' }),
    goal('gol_2', { text: 'Sprachförderung in jeder Kita', reference: '1.1', level: 'operational', concept: 'cpt_1', guideline: 'gdl_1', parent: 'gol_1', fields: ['fld_bildung'], indicators: ['ind_1'], measures: ['msr_1', 'msr_2'], class: 'achieved' }),
    goal('gol_3', { text: 'Eltern beraten', reference: '1.2', level: 'operational', concept: 'cpt_1', parent: 'gol_1', fields: ['fld_bildung'], measures: ['msr_3'], class: 'at_risk' }),
    goal('gol_4', { text: 'Wohnraum sichern', reference: '2', concept: 'cpt_1', fields: ['fld_wohnen'], class: 'at_risk', priority: 'high' }),
    goal('gol_5', { text: 'Vereine öffnen', fields: ['fld_sport'], class: 'no_data' }),
  ],
  indicators: [
    {
      indicator: 'ind_1',
      name: 'Kita-Besuchsquote',
      unit: '%',
      direction: 'higher',
      baseline: { year: 2019, value: 20 },
      target: 35,
      target_year: 2028,
      series: [
        { year: 2021, value: 24 },
        { year: 2024, value: 31 },
      ],
      class: 'achieved',
      reason: 'target_met',
      explanation: 'Kita-Besuchsquote 2024: 31 % von 35 % Ziel.',
      goals: ['gol_2'],
      municipalities: [{ municipality: '05562004', name: 'Dorsten', series: [{ year: 2017, value: 10 }], class: 'at_risk', reason: 'single_value', explanation: '' }],
    },
  ],
  counts: { achieved: 1 },
};
