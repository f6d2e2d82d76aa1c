import { useNavigate } from 'react-router';

/** The red title bar of every phone page; with a back arrow where there is somewhere to go back to. */
export function PageHeader({ title, back }: { title: string; back?: boolean }) {
  const navigate = useNavigate();
  return (
    <header className="m-header">
      {back && (
        <button className="m-back" aria-label="返回" onClick={() => navigate(-1)}>
          ‹
        </button>
      )}
      <h1>{title}</h1>
    </header>
  );
}
