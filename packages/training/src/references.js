// The cross-reference checks of a scenario that its JSON Schema cannot express. Plain
// JavaScript so that scripts/generate.mjs (run by Node without a build) and the TypeScript code
// share one implementation.

/**
 * Problems of the scenario's cross-references (steps, rubric items and facts that mistakes and
 * incidents name); empty when it is consistent.
 *
 * @param {import('./types.js').Scenario} scenario
 * @returns {string[]}
 */
export function checkReferences(scenario) {
  /** @type {string[]} */
  const problems = [];
  const stepIds = scenario.steps.map((s) => s.id);
  const rubricIds = scenario.rubric.map((r) => r.id);
  const factIds = scenario.facts.map((f) => f.id);
  const dup = (/** @type {string[]} */ list) => list.filter((x, i) => list.indexOf(x) !== i);
  for (const id of dup(stepIds)) problems.push(`step id "${id}" is used twice`);
  for (const id of dup(rubricIds)) problems.push(`rubric item "${id}" is used twice`);
  for (const id of dup(scenario.mistakes.map((m) => m.id)))
    problems.push(`mistake id "${id}" is used twice`);
  for (const step of scenario.steps) {
    if (step.kind !== 'navigate' && !rubricIds.includes(step.rubricItem)) {
      problems.push(
        `step "${step.id}" names rubric item "${step.rubricItem}", which does not exist`,
      );
    }
    if (step.kind === 'choice' && !step.options.some((o) => o.id === step.correct)) {
      problems.push(`step "${step.id}": the correct option "${step.correct}" is not an option`);
    }
    if (!scenario.rubric.some((r) => r.steps.includes(step.id))) {
      problems.push(`step "${step.id}" is in no rubric item, so finishing it earns nothing`);
    }
  }
  for (const item of scenario.rubric) {
    for (const s of item.steps) {
      if (!stepIds.includes(s))
        problems.push(`rubric item "${item.id}" names step "${s}", which does not exist`);
    }
  }
  for (const incident of scenario.incidents) {
    const step = scenario.steps.find((s) => s.id === incident.step);
    if (step?.kind !== 'entry') {
      problems.push(
        `incident ${incident.kind} is on "${incident.step}", which is not an entry step`,
      );
    } else if (incident.kind === 'refusal' && !step.draft) {
      problems.push(`refusal on "${step.id}" needs a draft: the server refuses the draft's values`);
    }
  }
  const perStep = new Map();
  for (const i of scenario.incidents) perStep.set(i.step, (perStep.get(i.step) ?? 0) + 1);
  for (const [step, n] of perStep)
    if (n > 1) problems.push(`step "${step}" has ${n} incidents; one at most`);
  for (const m of scenario.mistakes) {
    const step = scenario.steps.find((s) => s.id === m.step);
    const item = scenario.rubric.find((r) => r.id === m.rubricItem);
    if (!step) problems.push(`mistake "${m.id}" is on step "${m.step}", which does not exist`);
    if (!item)
      problems.push(`mistake "${m.id}" names rubric item "${m.rubricItem}", which does not exist`);
    else if (m.points > item.points) {
      problems.push(
        `mistake "${m.id}" costs ${m.points} points, more than its item "${item.id}" has (${item.points})`,
      );
    }
    if (m.detect.kind === 'missing-facts') {
      for (const f of m.detect.facts)
        if (!factIds.includes(f))
          problems.push(`mistake "${m.id}" names fact "${f}", which does not exist`);
    }
    const kind = m.detect.kind;
    const ex = m.example;
    const fits =
      ('menu' in ex && kind === 'wrong-menu' && step?.kind === 'navigate') ||
      ('choose' in ex && kind === 'wrong-choice' && step?.kind === 'choice') ||
      ('resubmit' in ex && kind === 'duplicate-submission') ||
      ('unchanged' in ex && kind === 'resubmit-unchanged') ||
      ('set' in ex &&
        step?.kind === 'entry' &&
        ['padded-text', 'missing-facts', 'wrong-value', 'missing-item'].includes(kind));
    if (!fits)
      problems.push(`mistake "${m.id}": example does not fit a "${kind}" mistake on this step`);
    if (
      'resubmit' in ex &&
      !scenario.incidents.some((i) => i.step === m.step && i.kind !== 'refusal')
    ) {
      problems.push(
        `mistake "${m.id}": a resubmit needs a network-drop or server-error on "${m.step}"`,
      );
    }
    if (
      'unchanged' in ex &&
      !scenario.incidents.some((i) => i.step === m.step && i.kind === 'refusal')
    ) {
      problems.push(`mistake "${m.id}": an unchanged resubmit needs a refusal on "${m.step}"`);
    }
  }
  return problems;
}
