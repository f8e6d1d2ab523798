/* desk-export-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-export.h"

G_BEGIN_DECLS

/* Writers buffer their output and hand it to the stream in pieces of about this size. */
#define DESK_EXPORT_CHUNK_SIZE (64 * 1024)

/* The writers, one per format; desk_export_write() calls them. */

gboolean  _desk_export_write_markdown (DeskReport     *report,
                                       GOutputStream  *stream,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean  _desk_export_write_html     (DeskReport     *report,
                                       DeskPaper       paper,
                                       GOutputStream  *stream,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean  _desk_export_write_csv      (DeskReport     *report,
                                       GOutputStream  *stream,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean  _desk_export_write_json     (DeskReport     *report,
                                       GOutputStream  *stream,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean  _desk_export_write_pdf      (DeskReport     *report,
                                       DeskPaper       paper,
                                       GOutputStream  *stream,
                                       GCancellable   *cancellable,
                                       GError        **error);

/* Writes an export to @stream. */
typedef gboolean (*DeskExportWriteFunc) (GOutputStream  *stream,
                                         gpointer        data,
                                         GCancellable   *cancellable,
                                         GError        **error);

gboolean  _desk_export_save_atomically (GFile              *file,
                                        GFileCreateFlags    flags,
                                        DeskExportWriteFunc write,
                                        gpointer            data,
                                        GCancellable       *cancellable,
                                        GError            **error);
gboolean  _desk_export_flush          (GOutputStream  *stream,
                                       GString        *buffer,
                                       gboolean        all,
                                       GCancellable   *cancellable,
                                       GError        **error);
char     *_desk_export_language       (void);

G_END_DECLS
