import { lazy, Suspense, useEffect } from 'react';

type Props = Parameters<typeof import('./ActionForms').ActionDialog>[0];

const load = () => import('./ActionForms');
const ActionDialog = lazy(() => load().then((forms) => ({ default: forms.ActionDialog })));

/**
 * The action dialog for list screens (工作台, 部门待办), loaded when first opened: the forms, their
 * validation and the dispatch pickers are not part of the first screen. The list fetches it once it
 * is idle, so a click a moment later opens the dialog at once.
 */
export function LazyActionDialog(props: Props) {
  return (
    <Suspense fallback={null}>
      <ActionDialog {...props} />
    </Suspense>
  );
}

/** Fetches the dialogs' code a moment after the screen is up, so the first click does not wait for it. */
export function usePreloadActionDialog() {
  useEffect(() => {
    const timer = window.setTimeout(() => void load(), 1500);
    return () => window.clearTimeout(timer);
  }, []);
}
