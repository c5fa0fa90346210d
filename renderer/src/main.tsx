import './zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { StoreProvider } from './store/context';
import { createConsoleStore } from './store/store';
import { connectToConsole } from './transport/connect';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const store = createConsoleStore(connectToConsole());
root.render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
