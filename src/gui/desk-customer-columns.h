/* desk-customer-columns.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-customer-row.h"

G_BEGIN_DECLS

/**
 * DeskColumnFlags:
 * @DESK_COLUMN_NONE: a text column of fixed width, ellipsized
 * @DESK_COLUMN_EXPAND: the column takes the width left over
 * @DESK_COLUMN_NUMERIC: right-aligned, with digits of equal width
 */
typedef enum
{
  DESK_COLUMN_NONE    = 0,
  DESK_COLUMN_EXPAND  = 1 << 0,
  DESK_COLUMN_NUMERIC = 1 << 1,
} DeskColumnFlags;

/**
 * DeskCellFunc:
 * @row: the row the cell shows
 * @css_class: (out) (transfer none): a style class for the cell; %NULL unless set
 * @user_data: the data given to desk_customer_columns_append()
 *
 * Returns: (transfer full) (nullable): the cell's text
 */
typedef char *(*DeskCellFunc) (DeskCustomerRow  *row,
                               const char      **css_class,
                               gpointer          user_data);

/* Marks a column that cannot be sorted by. */
#define DESK_COLUMN_NO_SORT (-1)

GtkColumnViewColumn *desk_customer_columns_append   (GtkColumnView     *view,
                                                     const char        *title,
                                                     int                sort,
                                                     int                width,
                                                     DeskColumnFlags    flags,
                                                     DeskCellFunc       func,
                                                     gpointer           user_data);
gboolean             desk_customer_columns_get_sort (GtkColumnView     *view,
                                                     DeskCustomerSort  *sort,
                                                     gboolean          *descending);
guint                desk_customer_columns_get_position_at
                                                    (GtkColumnView     *view,
                                                     double             x,
                                                     double             y);

/* Cells for desk_customer_columns_append(). The text and date cells show the field of the
 * customer or notice that their @user_data names, e.g. "contract-id". */
char                *desk_cell_customer_text        (DeskCustomerRow   *row,
                                                     const char       **css_class,
                                                     gpointer           user_data);
char                *desk_cell_notice_text          (DeskCustomerRow   *row,
                                                     const char       **css_class,
                                                     gpointer           user_data);
char                *desk_cell_notice_date          (DeskCustomerRow   *row,
                                                     const char       **css_class,
                                                     gpointer           user_data);
char                *desk_cell_notice_status        (DeskCustomerRow   *row,
                                                     const char       **css_class,
                                                     gpointer           user_data);

G_END_DECLS
