/**
 * @bosv2/ui: accessible React components for BOS V2 screens, Bahasa Indonesia first.
 * Each component is also its own entry point (`@bosv2/ui/region-picker`, ...); styles are in
 * `@bosv2/ui/styles.css`.
 *
 * @packageDocumentation
 */
export * from './activity/index.js';
export * from './components/ErrorSummary.js';
export * from './components/Field.js';
export * from './components/GradingPicker.js';
export * from './components/GuidedStep.js';
export * from './components/HouseholdEditor.js';
export * from './components/KeywordInput.js';
export * from './components/LocationCapture.js';
export * from './components/OfflineBanner.js';
export * from './components/OutboxStatus.js';
export * from './components/PersonBlock.js';
export * from './components/PhotoCapture.js';
export * from './components/RegionPicker.js';
export * from './components/ReportCard.js';
export * from './components/ReviewPanel.js';
export * from './components/ScoreSummary.js';
export * from './components/StatusTimeline.js';
export * from './components/TrainingBanner.js';
export * from './components/UraianField.js';
export { sampleRegions } from './fixtures/regions.js';
export * from './i18n/index.js';
export * from './problem/problem.js';
