import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { initAuth } from '../shared/auth';
import { App } from './App';
import './mobile.css';

// The phone pages (/m/): sign in through Keycloak with the grassroots-mobile client (PKCE S256),
// then the pages. A scanned code's address (/m/report?grid=…) is kept through the sign-in because
// keycloak-js comes back to the address it left from.
const root = createRoot(document.getElementById('root')!);

initAuth('grassroots-mobile').then(
  (session) =>
    root.render(
      <StrictMode>
        <BrowserRouter basename="/m">
          <App session={session} />
        </BrowserRouter>
      </StrictMode>,
    ),
  (failure: unknown) =>
    root.render(
      <main className="m-fatal">
        <h1>无法登录</h1>
        <p>{failure instanceof Error ? failure.message : '登录服务暂时不可用'}</p>
        <button className="m-button" onClick={() => window.location.reload()}>
          重试
        </button>
      </main>,
    ),
);
