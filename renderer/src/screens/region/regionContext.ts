import { createContext, useContext } from 'react';

/** The open region file as app.info names it. */
export interface RegionHeader {
  name: string;
  isDemo: boolean;
}

export const RegionContext = createContext<RegionHeader | null>(null);

/** The open region's name and whether it is the demo region. */
export function useRegion(): RegionHeader {
  const region = useContext(RegionContext);
  if (!region) throw new Error('useRegion outside RegionApp');
  return region;
}
