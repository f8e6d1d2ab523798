/* test-layout.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layout widgets of the Notifications page, with children of fixed sizes: DeskFoldingRow at
 * each of its three layouts, and DeskSnugBin around a scrolled window of one. */

#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include <gtk/gtk.h>

#include "desk-folding-row.h"
#include "desk-snug-bin.h"

#define SPACING 10

/* Helpers {{{ */

/* A row of three children, 100×50, 150×30 and 200×80: 470 wide side by side, 360 split. */
static GtkWidget *
new_row (void)
{
  static const int sizes[][2] = { { 100, 50 }, { 150, 30 }, { 200, 80 } };
  GtkWidget *row = g_object_new (DESK_TYPE_FOLDING_ROW, "spacing", SPACING, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWidget *child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_widget_set_size_request (child, sizes[i][0], sizes[i][1]);
      gtk_widget_set_parent (child, row);
    }

  return g_object_ref_sink (row);
}

static int
height_for_width (GtkWidget *widget,
                  int        width)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, natural);
  return natural;
}

static void
assert_child_at (GtkWidget *row,
                 guint      index,
                 int        x,
                 int        y,
                 int        width,
                 int        height)
{
  GtkWidget *child = gtk_widget_get_first_child (row);
  graphene_rect_t bounds;

  for (guint i = 0; i < index; i++)
    child = gtk_widget_get_next_sibling (child);

  g_assert_true (gtk_widget_compute_bounds (child, row, &bounds));
  g_assert_cmpint (bounds.origin.x, ==, x);
  g_assert_cmpint (bounds.origin.y, ==, y);
  g_assert_cmpint (bounds.size.width, ==, width);
  g_assert_cmpint (bounds.size.height, ==, height);
}

static void
allocate (GtkWidget *widget,
          int        width)
{
  gtk_widget_size_allocate (widget,
                            &(GtkAllocation) { 0, 0, width, height_for_width (widget, width) },
                            -1);
}

/* }}} */
/* DeskFoldingRow {{{ */

static void
test_folding_row_widths (void)
{
  g_autoptr(GtkWidget) row = new_row ();
  int minimum, natural;

  /* One column at its narrowest, side by side at ease */
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 200);
  g_assert_cmpint (natural, ==, 100 + SPACING + 150 + SPACING + 200);
}

static void
test_folding_row_side_by_side (void)
{
  g_autoptr(GtkWidget) row = new_row ();

  g_assert_cmpint (height_for_width (row, 470), ==, 80);
  g_assert_cmpint (height_for_width (row, -1), ==, 80);

  /* What is left over goes to each alike. */
  allocate (row, 500);
  assert_child_at (row, 0, 0, 0, 110, 50);
  assert_child_at (row, 1, 120, 0, 160, 30);
  assert_child_at (row, 2, 290, 0, 210, 80);

  gtk_widget_set_direction (row, GTK_TEXT_DIR_RTL);
  allocate (row, 500);
  assert_child_at (row, 0, 390, 0, 110, 50);
  assert_child_at (row, 2, 0, 0, 210, 80);
}

static void
test_folding_row_split (void)
{
  g_autoptr(GtkWidget) row = new_row ();

  /* The first two in a column as wide as the wider, beside the last */
  g_assert_cmpint (height_for_width (row, 469), ==, 50 + SPACING + 30);
  g_assert_cmpint (height_for_width (row, 360), ==, 50 + SPACING + 30);

  allocate (row, 400);
  assert_child_at (row, 0, 0, 0, 170, 50);
  assert_child_at (row, 1, 0, 60, 170, 30);
  assert_child_at (row, 2, 180, 0, 220, 80);
}

static void
test_folding_row_column (void)
{
  g_autoptr(GtkWidget) row = new_row ();

  g_assert_cmpint (height_for_width (row, 359), ==, 50 + SPACING + 30 + SPACING + 80);

  allocate (row, 300);
  assert_child_at (row, 0, 0, 0, 300, 50);
  assert_child_at (row, 1, 0, 60, 300, 30);
  assert_child_at (row, 2, 0, 100, 300, 80);
}

static void
test_folding_row_hidden_child (void)
{
  g_autoptr(GtkWidget) row = new_row ();

  /* Laid out as two: side by side, else one above the other */
  gtk_widget_set_visible (gtk_widget_get_last_child (row), FALSE);
  g_assert_cmpint (height_for_width (row, 260), ==, 50);
  g_assert_cmpint (height_for_width (row, 200), ==, 50 + SPACING + 30);
}

/* }}} */
/* DeskSnugBin {{{ */

static void
test_snug_bin (void)
{
  g_autoptr(GtkWidget) bin = g_object_ref_sink (g_object_new (DESK_TYPE_SNUG_BIN, NULL));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *row = new_row ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 150);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), row);
  g_object_unref (row);
  gtk_widget_set_parent (scrolled, bin);

  /* As tall as the row at each width, where the scrolled window would say 80 throughout */
  g_assert_cmpint (height_for_width (bin, 470), ==, 80);
  g_assert_cmpint (height_for_width (bin, 400), ==, 90);
  /* …up to the scrolled window's maximum, and at its minimum too (what a GtkPaned reads) */
  g_assert_cmpint (height_for_width (bin, 300), ==, 150);
  {
    int minimum, natural;

    gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 400, &minimum, &natural, NULL, NULL);
    g_assert_cmpint (minimum, ==, 90);
  }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/folding-row/widths", test_folding_row_widths);
  g_test_add_func ("/desk/folding-row/side-by-side", test_folding_row_side_by_side);
  g_test_add_func ("/desk/folding-row/split", test_folding_row_split);
  g_test_add_func ("/desk/folding-row/column", test_folding_row_column);
  g_test_add_func ("/desk/folding-row/hidden-child", test_folding_row_hidden_child);
  g_test_add_func ("/desk/snug-bin/height", test_snug_bin);

  return g_test_run ();
}
