/* desk-export-enums.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The nicks are what `idesk export` takes; those of the formats are also the file extensions. */

/* What an export holds. */
typedef enum
{
  DESK_EXPORT_WHAT_CHECKLISTS,
  DESK_EXPORT_WHAT_STATUS,
  DESK_EXPORT_WHAT_LEDGER,
} DeskExportWhat;

typedef enum
{
  DESK_EXPORT_FORMAT_PDF,
  DESK_EXPORT_FORMAT_MARKDOWN,  /*< nick=md >*/
  DESK_EXPORT_FORMAT_HTML,
  DESK_EXPORT_FORMAT_CSV,
  DESK_EXPORT_FORMAT_JSON,
} DeskExportFormat;

/* The paper a PDF is laid out on, and that HTML asks for when printed. */
typedef enum
{
  DESK_PAPER_A4,
  DESK_PAPER_LETTER,
} DeskPaper;

G_END_DECLS
