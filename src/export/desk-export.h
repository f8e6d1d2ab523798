/* desk-export.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-report.h"

G_BEGIN_DECLS

#define DESK_EXPORT_ERROR (desk_export_error_quark ())

typedef enum
{
  DESK_EXPORT_ERROR_FAILED,   /* the document could not be drawn */
} DeskExportError;

GQuark    desk_export_error_quark (void);
gboolean  desk_export_write       (DeskReport        *report,
                                   DeskExportFormat   format,
                                   DeskPaper          paper,
                                   GOutputStream     *stream,
                                   GCancellable      *cancellable,
                                   GError           **error);
gboolean  desk_export_save        (DeskReport        *report,
                                   DeskExportFormat   format,
                                   DeskPaper          paper,
                                   GFile             *file,
                                   GCancellable      *cancellable,
                                   GError           **error);
gboolean  desk_export_is_text     (DeskExportFormat   format);
char     *desk_export_file_name   (const char        *incident_title,
                                   const char        *subject,
                                   gint64             exported_at,
                                   DeskExportFormat   format);

G_END_DECLS
