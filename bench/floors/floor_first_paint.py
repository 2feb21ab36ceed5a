"""Floor for the app's start: the smallest PySide6 program that paints a window (an empty QWizard).

Prints ``first-paint <epoch seconds>`` at the wizard's first paint event and quits. bench/bench_ratios.py
spawns it beside ``python -m disclosure_desk`` (run by run, interleaved) and divides the two times from
spawning the process to the first paint.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

app = QApplication(sys.argv[:1])
wizard = QWizard()
wizard.addPage(QWizardPage())


class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is wizard:
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
            wizard.removeEventFilter(self)
        return False


probe = Probe()
wizard.installEventFilter(probe)
wizard.show()
app.exec()
