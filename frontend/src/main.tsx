// Only the Mantine styles of the components in use are imported: the full stylesheet is
// about 300 KB. A component used without its stylesheet renders unstyled (a progress bar has
// no height, a grid no columns): add its file here when a component comes into use. The order
// is that of Mantine's full stylesheet: a component's rules must come after those of the parts
// it is built on (Button after UnstyledButton), else the parts' resets win.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/VisuallyHidden.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Code.css';
import '@mantine/core/styles/Container.css';
import '@mantine/core/styles/Fieldset.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Title.css';
import './global.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from './AppProviders';
import { createClient } from './graphql/client';
import { createI18n, loadLanguage, storedLanguage } from './i18n';
import { registerServiceWorker } from './registerServiceWorker';
import { routes } from './routes';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A user who chose English gets its translations before the first paint (no Latvian flash);
// should they fail to load, the app starts in Latvian rather than not at all.
const language = storedLanguage();
loadLanguage(language)
  .catch(() => undefined)
  .then(() => {
    createRoot(root).render(
      <StrictMode>
        <AppProviders i18n={createI18n(language)} makeClient={createClient}>
          <RouterProvider router={createBrowserRouter(routes)} />
        </AppProviders>
      </StrictMode>,
    );
  });

registerServiceWorker();
