import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { StoreProvider } from './store/context';
import { createConsoleStore } from './store/store';
import { connectToConsole } from './transport/connect';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const client = connectToConsole();
if ('error' in client) {
  root.render(<p className="fatal">{client.error}</p>);
} else {
  const store = createConsoleStore(client);
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
