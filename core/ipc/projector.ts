/**
 * The projector window, which only the main process can open (a second display,
 * fullscreen). Core asks for it through this port; the app passes Electron's,
 * the e2e harness a second browser page, and where there is none (CLI, unit
 * tests) `noProjector` answers that no window was opened.
 */
export interface Projector {
  /** Opens (or moves) the window to this item; false when there is no second display. */
  open(target: ProjectorTarget): Promise<boolean>;
  /** Moves an open window to this item; false when none is open (closed with Esc, say). */
  follow(target: ProjectorTarget): Promise<boolean>;
  /** Closes the window if it is open. */
  close(): Promise<void>;
}

export interface ProjectorTarget {
  meetingId: number;
  agendaItemId: number;
}

/** No projector window: the chair's own window shows the projector view. */
export const noProjector: Projector = {
  open: () => Promise.resolve(false),
  follow: () => Promise.resolve(false),
  close: () => Promise.resolve(),
};

/** The address the projector window shows, relative to the renderer's index.html. */
export function projectorHash({ meetingId, agendaItemId }: ProjectorTarget): string {
  return `#/projectie/${meetingId}/${agendaItemId}`;
}
