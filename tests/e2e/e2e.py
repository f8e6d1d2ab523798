#!/usr/bin/python3
# e2e.py — drive the real incident-desk through the accessibility tree
#
# Copyright 2026 The Incident Desk developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: e2e.py INCIDENT_DESK IDESK WORKDIR
#
# Starts the application on a new database in WORKDIR and checks that no control's name says the
# underline of its mnemonic. Then, as a person would, with clicks on the controls AT-SPI names as
# a screen reader says them: creates an incident, adds the "patching" checklist from its template
# and ticks its first item. Then it closes the window and asks idesk what the database holds.
# Needs a display and an accessibility bus (tests/e2e/run-e2e.sh provides both).

import json
import os
import subprocess
import sys
import time

import gi
import pyatspi

gi.require_version('Gdk', '4.0')
from gi.repository import Gdk  # noqa: E402 (after require_version)

TIMEOUT = 30
CONTROLS = ('push button', 'toggle button', 'page tab', 'check box', 'menu item', 'text')


def log(message):
    print(message, flush=True)


def wait_for(what, predicate, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError('timed out waiting for ' + what)


def find_app(name):
    def lookup():
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        return None
    return wait_for('the application on the accessibility bus', lookup)


def usable(node):
    # GTK 4.8 never reports STATE_SHOWING over AT-SPI; visible and sensitive is what it has.
    try:
        states = node.getState()
        return states.contains(pyatspi.STATE_VISIBLE) and states.contains(pyatspi.STATE_SENSITIVE)
    except Exception:
        return False


def search(root, role, name):
    """Every showing node under root with this role name and accessible name."""
    found = []
    stack = [root]
    while stack:
        node = stack.pop()
        try:
            if node.getRoleName() == role and node.name == name and usable(node):
                found.append(node)
            stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except Exception:
            continue  # a node that went away while we walked
    return found


def describe_controls(root):
    """The controls under root, for the log of a failed lookup."""
    lines = []
    stack = [root]
    while stack:
        node = stack.pop()
        try:
            if node.getRoleName() in CONTROLS:
                lines.append(f'  {node.getRoleName()} “{node.name}”')
            stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except Exception:
            continue
    return '\n'.join(lines)


def assert_names_clean(root):
    """No control under root, shown or not, says its mnemonic's underline ("_Save Save")."""
    stack = [root]
    while stack:
        node = stack.pop()
        try:
            name, role = node.name, node.getRoleName()
            stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except Exception:
            continue  # a node that went away while we walked
        assert role not in CONTROLS or '_' not in name, f'{role} named “{name}”'


def find(root, role, name):
    try:
        return wait_for(f'{role} “{name}”', lambda: (search(root, role, name) or [None])[0])
    except AssertionError:
        log('controls seen:\n' + describe_controls(root))
        raise


def open_templates(window):
    """The template button of the Add Checklist popover, opened from the page's toolbar or its
    empty state: whichever answers, as the page may still be settling when it is asked."""
    def template():
        return (search(window, 'push button', 'Patching and vulnerability remediation')
                or [None])[0]

    for _ in range(3):
        for button in search(window, 'push button', 'Add Checklist'):
            click(button)
            try:
                return wait_for('the checklist templates', template, timeout=5)
            except AssertionError:
                continue
    return find(window, 'push button', 'Patching and vulnerability remediation')


def click(node):
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if names:
        action.doAction(names.index('click') if 'click' in names else 0)
        return

    # GTK 4.8 exposes no action on check buttons, and no focus either: click with the mouse.
    # Its extents are relative to the window, which Xvfb without a window manager puts at 0,0.
    box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2,
                                        pyatspi.MOUSE_B1C)


def top(node):
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS).y


def keycode(keyval):
    display = Gdk.Display.get_default() or Gdk.Display.open(os.environ['DISPLAY'])
    found, keys = display.map_keyval(keyval)
    assert found and keys, f'no key for {Gdk.keyval_name(keyval)}'
    return keys[0].keycode


def press(modifier, keyval):
    """Type modifier+key, through the accessibility registry as a person's keyboard would."""
    held = keycode(modifier)
    pyatspi.Registry.generateKeyboardEvent(held, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keycode(keyval), None, pyatspi.KEY_PRESSRELEASE)
    pyatspi.Registry.generateKeyboardEvent(held, None, pyatspi.KEY_RELEASE)


def idesk(idesk_path, database, *args):
    output = subprocess.run([idesk_path, '--database', database, *args], check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output)


def main():
    app_path, idesk_path, workdir = sys.argv[1:4]
    database = os.path.join(workdir, 'incidents.db')
    app_log = open(os.path.join(workdir, 'app.log'), 'w')
    process = subprocess.Popen([app_path, '--database', database], stdout=app_log,
                               stderr=subprocess.STDOUT)
    try:
        app = find_app('incident-desk')
        window = find(app, 'frame', 'Incident Desk')
        log('check the names of the controls')
        assert_names_clean(window)

        log('create an incident')

        def new_incident_buttons():
            found = search(window, 'push button', 'New Incident')
            return found if len(found) == 2 else None
        # The header bar's icon and, lower, the empty state's button with its mnemonic.
        click(max(wait_for('both New Incident buttons', new_incident_buttons), key=top))
        wait_for('the incident in the database',
                 lambda: idesk(idesk_path, database, 'incident', 'list', '--json'))

        log('add the patching checklist from its template')
        # libadwaita 1.2's switcher buttons ignore an AT-SPI click: use the page's shortcut.
        find(window, 'page tab', 'Remediation')
        press(Gdk.KEY_Alt_L, Gdk.KEY_4)
        wait_for('the Remediation page', lambda: len(search(window, 'push button',
                                                            'Add Checklist')) > 0)
        click(open_templates(window))

        log('tick the first item')
        boxes = wait_for('the checklist items', lambda: search(window, 'check box', 'Done'))
        click(min(boxes, key=top))  # the tree lists them in no particular order

        incident = idesk(idesk_path, database, 'incident', 'list', '--json')[0]

        def first_item_done():
            checklists = idesk(idesk_path, database, 'checklist', 'list',
                               '--incident', incident['id'], '--json')
            return (len(checklists) == 1 and checklists[0]['template'] == 'patching'
                    and checklists[0]['items'][0]['status'] == 'done'
                    and checklists[0]['items'][0]['done_at'] is not None)
        wait_for('the ticked item in the database', first_item_done)

        log('close the window')
        actions = window.queryAction()
        names = [actions.getName(i) for i in range(actions.nActions)]
        try:
            actions.doAction(names.index('window.close'))
        except gi.repository.GLib.Error:
            pass  # the application may quit before it answers
        process.wait(timeout=TIMEOUT)
    except BaseException:
        # What the application said is the first thing to read when a step fails
        app_log.flush()
        with open(app_log.name) as said:
            log(f'the application (exit status {process.poll()}) said:\n' + said.read())
        raise
    finally:
        if process.poll() is None:
            process.kill()
        app_log.close()

    # After a clean exit, the database still says the same.
    checklists = idesk(idesk_path, database, 'checklist', 'list', '--incident', incident['id'],
                       '--json')
    items = checklists[0]['items']
    assert len(items) == 14, items
    assert [item['status'] for item in items].count('done') == 1
    log('ok: incident, checklist from template and ticked item are in the database')


if __name__ == '__main__':
    main()
