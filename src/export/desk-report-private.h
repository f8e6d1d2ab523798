/* desk-report-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-report.h"

G_BEGIN_DECLS

/* The sections of each kind of report, gathered from the store. */

gboolean  _desk_report_add_checklists      (DeskReport     *report,
                                            DeskStore      *store,
                                            DeskIncident   *incident,
                                            DeskChecklist  *checklist,
                                            GError        **error);
gboolean  _desk_report_add_open_items      (DeskReport     *report,
                                            DeskStore      *store,
                                            DeskIncident   *incident,
                                            GError        **error);
gboolean  _desk_report_add_status          (DeskReport     *report,
                                            DeskStore      *store,
                                            DeskIncident   *incident,
                                            GError        **error);
gboolean  _desk_report_add_ledger          (DeskReport     *report,
                                            DeskStore      *store,
                                            DeskIncident   *incident,
                                            GError        **error);
gboolean  _desk_report_add_pending_notices (DeskReport     *report,
                                            DeskStore      *store,
                                            DeskIncident   *incident,
                                            GError        **error);
gboolean  _desk_report_add_other_notices   (DeskReport     *report,
                                            DeskStore      *store,
                                            DeskIncident   *incident,
                                            GError        **error);

G_END_DECLS
