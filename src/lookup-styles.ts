// Mantine's base styles and CSS variables for the lookup page (lookupMain.tsx), which renders plain
// elements styled over those variables (components/lookup/Lookup.module.css), without Mantine's JS.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
