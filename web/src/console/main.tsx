import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initAuth } from '../shared/auth';
import { App } from './App';

const root = createRoot(document.getElementById('root')!);

// The first screen's code loads while sign-in runs, not after it: the route's lazy import then
// finds it ready. (Other screens load when opened.)
if (window.location.pathname === '/') {
  void import('./pages/Workbench');
}

initAuth('grassroots-web').then(
  (session) =>
    root.render(
      <StrictMode>
        <App session={session} />
      </StrictMode>,
    ),
  (failure: unknown) => {
    // Keycloak or /config.json unreachable: say so instead of a blank page.
    const message = failure instanceof Error ? failure.message : '登录服务不可用';
    root.render(
      <div style={{ padding: 48, fontSize: 16 }}>
        <h2>无法登录</h2>
        <p>登录服务（Keycloak）暂时不可用：{message}</p>
        <button onClick={() => window.location.reload()}>重试</button>
      </div>,
    );
  },
);
