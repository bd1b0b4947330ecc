import { useRouteLoaderData } from 'react-router'
import type { loader } from '#app/root.tsx'

/** The root loader's data (language, signed-in person, pact settings) from any component. */
export function useRootData() {
	return useRouteLoaderData<typeof loader>('root')
}
