/**
 * The package's entry points: one per component (React's "one export per component"), plus the
 * helpers. tsup builds each; package.json `exports` lists each (a test keeps them in step).
 */
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  'activity-form': 'src/activity/index.ts',
  'error-summary': 'src/components/ErrorSummary.tsx',
  field: 'src/components/Field.tsx',
  fixtures: 'src/fixtures/regions.ts',
  'grading-picker': 'src/components/GradingPicker.tsx',
  'guided-step': 'src/components/GuidedStep.tsx',
  'household-editor': 'src/components/HouseholdEditor.tsx',
  i18n: 'src/i18n/index.ts',
  'keyword-input': 'src/components/KeywordInput.tsx',
  'location-capture': 'src/components/LocationCapture.tsx',
  'offline-banner': 'src/components/OfflineBanner.tsx',
  'outbox-status': 'src/components/OutboxStatus.tsx',
  'person-block': 'src/components/PersonBlock.tsx',
  'photo-capture': 'src/components/PhotoCapture.tsx',
  problem: 'src/problem/problem.ts',
  'region-picker': 'src/components/RegionPicker.tsx',
  'report-card': 'src/components/ReportCard.tsx',
  'review-panel': 'src/components/ReviewPanel.tsx',
  'score-summary': 'src/components/ScoreSummary.tsx',
  'status-timeline': 'src/components/StatusTimeline.tsx',
  'training-banner': 'src/components/TrainingBanner.tsx',
  'uraian-field': 'src/components/UraianField.tsx',
};
