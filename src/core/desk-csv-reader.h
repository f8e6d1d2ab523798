/* desk-csv-reader.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-types.h"

G_BEGIN_DECLS

/* A record longer than this is refused: no account list needs more, and it bounds the memory a
 * damaged or hostile file can make the reader take. */
#define DESK_CSV_MAX_RECORD_BYTES (64 * 1024)

#define DESK_CSV_ERROR (desk_csv_error_quark ())

/* EMPTY, NOT_TEXT and IO end the file; after any other error the reader has skipped the bad
 * record and desk_csv_reader_next() goes on with the next one. */
typedef enum
{
  DESK_CSV_ERROR_EMPTY,
  DESK_CSV_ERROR_NOT_TEXT,
  DESK_CSV_ERROR_IO,
  DESK_CSV_ERROR_ENCODING,
  DESK_CSV_ERROR_UNTERMINATED_QUOTE,
  DESK_CSV_ERROR_BAD_QUOTE,
  DESK_CSV_ERROR_TOO_LONG,
  DESK_CSV_ERROR_NUL,
} DeskCsvError;

#define DESK_TYPE_CSV_READER (desk_csv_reader_get_type())

G_DECLARE_FINAL_TYPE (DeskCsvReader, desk_csv_reader, DESK, CSV_READER, GObject)

GQuark           desk_csv_error_quark             (void);
gboolean         desk_csv_error_is_fatal          (const GError   *error);

DeskCsvReader   *desk_csv_reader_new              (GInputStream   *stream,
                                                   DeskCsvEncoding encoding);
gboolean         desk_csv_reader_next             (DeskCsvReader  *self,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
guint            desk_csv_reader_get_n_fields     (DeskCsvReader  *self);
char            *desk_csv_reader_get_field        (DeskCsvReader  *self,
                                                   guint           index);
guint64          desk_csv_reader_get_line         (DeskCsvReader  *self);
guint64          desk_csv_reader_get_bytes_read   (DeskCsvReader  *self);
DeskCsvEncoding  desk_csv_reader_get_encoding     (DeskCsvReader  *self);

G_END_DECLS
