import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../src/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  // No network here or in CI: nothing may wait on a telemetry host.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  addons: [],
  // Prop tables are not used (no docs addon); skipping docgen halves the build time.
  typescript: { reactDocgen: false },
};

export default config;
