/* desk-document.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "desk-report.h"

G_BEGIN_DECLS

#define DESK_TYPE_DOCUMENT (desk_document_get_type())

G_DECLARE_FINAL_TYPE (DeskDocument, desk_document, DESK, DOCUMENT, GObject)

void          desk_document_get_page_size   (DeskReport   *report,
                                             DeskPaper     paper,
                                             double       *width,
                                             double       *height);
DeskDocument *desk_document_new             (DeskReport   *report,
                                             double        width,
                                             double        height);
double        desk_document_get_width       (DeskDocument *self);
double        desk_document_get_height      (DeskDocument *self);
guint         desk_document_get_n_pages     (DeskDocument *self);
void          desk_document_draw_page       (DeskDocument *self,
                                             cairo_t      *cr,
                                             guint         page);
guint         desk_document_get_n_bookmarks (DeskDocument *self);
const char   *desk_document_get_bookmark    (DeskDocument *self,
                                             guint         index,
                                             guint        *page,
                                             double       *x,
                                             double       *y);

G_END_DECLS
