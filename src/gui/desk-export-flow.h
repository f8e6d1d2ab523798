/* desk-export-flow.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-export-enums.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_EXPORT_FLOW (desk_export_flow_get_type())

G_DECLARE_FINAL_TYPE (DeskExportFlow, desk_export_flow, DESK, EXPORT_FLOW, GObject)

DeskExportFlow *desk_export_flow_new              (GtkWidget                *widget,
                                                   DeskStore                *store,
                                                   DeskIncident             *incident,
                                                   DeskExportWhat            what,
                                                   const char               *checklist_uuid);
void            desk_export_flow_export_async     (DeskExportFlow           *self,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
void            desk_export_flow_save_async       (DeskExportFlow           *self,
                                                   DeskExportFormat          format,
                                                   gboolean                  mark_changes,
                                                   GFile                    *file,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
void            desk_export_flow_print_async      (DeskExportFlow           *self,
                                                   GtkPrintOperationAction   action,
                                                   GFile                    *export_file,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
void            desk_export_flow_copy_async       (DeskExportFlow           *self,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gboolean        desk_export_flow_finish           (DeskExportFlow           *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error);
const char     *desk_export_flow_get_export_label (DeskExportWhat            what);

G_END_DECLS
