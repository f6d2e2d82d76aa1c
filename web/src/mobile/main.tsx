import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { initAuth, type Session } from '../shared/auth';

// Placeholder for the phone pages (/m/): the mobile engineer replaces this file and its siblings.
function Home({ session }: { session: Session }) {
  return (
    <main style={{ padding: 16, fontFamily: 'sans-serif' }}>
      <h1>基层治理</h1>
      <p>你好，{session.user.name}</p>
    </main>
  );
}

initAuth('grassroots-mobile').then((session) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter basename="/m">
        <Routes>
          <Route path="*" element={<Home session={session} />} />
        </Routes>
      </BrowserRouter>
    </StrictMode>,
  );
});
