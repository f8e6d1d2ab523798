/* desk-add-checklist-popover.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskAddChecklistPopover is the remediation page's "Add Checklist" menu: a button per built-in
 * template (its title, what it is for, how many items it brings) and one for an empty
 * checklist. It only offers: the page listens to "template-chosen" and adds the checklist. */

#define G_LOG_DOMAIN "desk-add-checklist-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-template.h"
#include "desk-add-checklist-popover.h"

struct _DeskAddChecklistPopover
{
  GtkPopover  parent_instance;

  /* Template widgets */
  GtkBox     *templates_box;
};

G_DEFINE_FINAL_TYPE (DeskAddChecklistPopover, desk_add_checklist_popover, GTK_TYPE_POPOVER)

enum {
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static void
append_label (GtkWidget          *box,
              const char         *text,
              gboolean            wrap,
              const char * const *css_classes)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
    }
  gtk_widget_set_css_classes (label, (const char **) css_classes);
  gtk_box_append (GTK_BOX (box), label);
}

static void
on_template_clicked_cb (DeskAddChecklistPopover *self,
                        GtkButton               *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "template-id");

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, id);
}

/* Appends a button that chooses @id: the template's title, what it is for, and its size. */
static void
append_button (DeskAddChecklistPopover *self,
               const char              *id,
               const char              *title,
               const char              *description,
               const char              *count,
               const char              *tooltip)
{
  static const char * const title_classes[] = { "heading", NULL };
  static const char * const description_classes[] = { "caption", NULL };
  static const char * const count_classes[] = { "caption", "dim-label", NULL };
  GtkWidget *button, *box;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  append_label (box, title, TRUE, title_classes);
  append_label (box, description, TRUE, description_classes);
  if (count != NULL)
    append_label (box, count, FALSE, count_classes);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "template-button");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "template-id", g_strdup (id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_template_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->templates_box, button);
}

/* }}} */
/* GObject {{{ */

static void
desk_add_checklist_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_ADD_CHECKLIST_POPOVER);

  G_OBJECT_CLASS (desk_add_checklist_popover_parent_class)->dispose (object);
}

static void
desk_add_checklist_popover_class_init (DeskAddChecklistPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_add_checklist_popover_dispose;

  /**
   * DeskAddChecklistPopover::template-chosen:
   * @template_id: the id of the template, or "" for an empty checklist
   *
   * The person chose what to add; the popover has closed.
   */
  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-add-checklist-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskAddChecklistPopover, templates_box);
}

static void
desk_add_checklist_popover_init (DeskAddChecklistPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* }}} */
/* Public API {{{ */

/**
 * desk_add_checklist_popover_set_templates:
 * @templates: (element-type DeskTemplate): the templates to offer, in their order
 *
 * Offers @templates, then an empty checklist. Call once.
 */
void
desk_add_checklist_popover_set_templates (DeskAddChecklistPopover *self,
                                          GPtrArray               *templates)
{
  g_return_if_fail (DESK_IS_ADD_CHECKLIST_POPOVER (self));
  g_return_if_fail (templates != NULL);

  for (guint i = 0; i < templates->len; i++)
    {
      DeskTemplate *template = g_ptr_array_index (templates, i);
      guint n_items = desk_template_get_n_items (template);
      g_autofree char *count = g_strdup_printf (ngettext ("%u item", "%u items", n_items),
                                                n_items);
      /* Translators: the tooltip of a checklist template, e.g. "Add “MFA rollout” with its
       * 14 items" */
      g_autofree char *tooltip = g_strdup_printf (ngettext ("Add “%s” with its %u item",
                                                            "Add “%s” with its %u items",
                                                            n_items),
                                                  desk_template_get_title (template), n_items);

      append_button (self, desk_template_get_id (template), desk_template_get_title (template),
                     desk_template_get_description (template), count, tooltip);
    }

  gtk_box_append (self->templates_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  append_button (self, "", _("Empty Checklist"), _("Start with no items and add your own."),
                 NULL, _("Add a checklist with no items"));
}

/* }}} */
