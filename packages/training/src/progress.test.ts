import { describe, expect, it } from 'vitest';
import { getScenario } from './index.js';
import { summarizeProgress } from './progress.js';
import { mistakeActions, perfectActions, play } from './simulate.js';
import type { XapiActor } from './xapi.js';

const actor = (name: string): XapiActor => ({
  objectType: 'Agent',
  name,
  account: { homePage: 'https://kelas.example', name: name.toLowerCase().replace(/\s+/g, '-') },
});

describe('summarizeProgress', () => {
  it('sums attempts, best score, mistakes, hints and time per trainee and scenario, counting a replayed statement once', () => {
    const scenario = getScenario('fkpm.clean');
    let t = 1_700_000_000_000;
    const now = () => {
      t += 30_000;
      return t;
    };
    const first = play(
      scenario,
      'practice',
      [{ type: 'hint' }, ...mistakeActions(scenario, 'missing-decisions')],
      {
        actor: actor('Brigpol Ani'),
        now,
      },
    );
    const second = play(scenario, 'exam', perfectActions(scenario), {
      actor: actor('Brigpol Ani'),
      now,
    });
    const other = play(scenario, 'exam', mistakeActions(scenario, 'wrong-menu'), {
      actor: actor('Bripda Budi'),
      now,
    });
    const all = [
      ...first.session.statements(),
      ...second.session.statements(),
      ...other.session.statements(),
    ];
    const rows = summarizeProgress([...all, ...first.session.statements()]);
    expect(rows).toHaveLength(2);
    const ani = rows.find((r) => r.traineeName === 'Brigpol Ani');
    expect(ani).toMatchObject({
      attempts: 2,
      completed: 2,
      passed: true,
      bestScaled: 1,
      lastScaled: 1,
      modes: { practice: 1, exam: 1 },
      mistakes: { 'missing-decisions': 1 },
      hintsUsed: 1,
    });
    expect(ani?.timeOnTaskSeconds).toBeGreaterThan(0);
    const budi = rows.find((r) => r.traineeName === 'Bripda Budi');
    expect(budi).toMatchObject({ attempts: 1, mistakes: { 'wrong-menu': 1 }, bestScaled: 0.95 });
  });
});
