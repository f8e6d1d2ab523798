/* desk-snug-bin.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A bin around a GtkScrolledWindow that asks for the height of what the scrolled window shows,
 * at the width it is given and up to max-content-height, and for no less. GTK 4.8's scrolled
 * window measures its content's natural height at the content's natural width, however wide it
 * is itself, so a content that grows taller as it gets narrower (a DeskFoldingRow) is cut short.
 * And a vertical GtkPaned places its handle by its children's minimum heights: without this, by
 * min-content-height. The scrolled window is a <child> element in a .ui file. */

#define G_LOG_DOMAIN "desk-snug-bin"

#include "config.h"

#include "desk-snug-bin.h"

struct _DeskSnugBin
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (DeskSnugBin, desk_snug_bin, GTK_TYPE_WIDGET)

/* GtkWidget {{{ */

static GtkSizeRequestMode
desk_snug_bin_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
desk_snug_bin_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  GtkScrolledWindow *scrolled;
  GtkWidget *content;
  int content_minimum, content_height, max_height;

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    return;

  scrolled = GTK_SCROLLED_WINDOW (child);
  content = gtk_scrolled_window_get_child (scrolled);
  if (for_size >= 0 && content != NULL)
    {
      gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, for_size,
                          &content_minimum, &content_height, NULL, NULL);
      max_height = gtk_scrolled_window_get_max_content_height (scrolled);
      if (max_height >= 0)
        content_height = MIN (content_height, max_height);
      *natural = MAX (*minimum, content_height);
    }
  *minimum = *natural;
}

static void
desk_snug_bin_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* }}} */
/* GObject {{{ */

static void
desk_snug_bin_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (desk_snug_bin_parent_class)->dispose (object);
}

static void
desk_snug_bin_class_init (DeskSnugBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_snug_bin_dispose;

  widget_class->get_request_mode = desk_snug_bin_get_request_mode;
  widget_class->measure = desk_snug_bin_measure;
  widget_class->size_allocate = desk_snug_bin_size_allocate;
}

static void
desk_snug_bin_init (DeskSnugBin *self)
{
}

/* }}} */
