# Generated from forms/close_confirm.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

class Ui_CloseConfirmDialog(object):
    def setupUi(self, CloseConfirmDialog):
        if not CloseConfirmDialog.objectName():
            CloseConfirmDialog.setObjectName(u"CloseConfirmDialog")
        CloseConfirmDialog.resize(520, 480)
        self.mainLayout = QVBoxLayout(CloseConfirmDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.warningLabel = QLabel(CloseConfirmDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setText(u"")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setTextFormat(Qt.RichText)

        self.mainLayout.addWidget(self.warningLabel)

        self.summaryView = QTextBrowser(CloseConfirmDialog)
        self.summaryView.setObjectName(u"summaryView")
        self.summaryView.setOpenLinks(False)

        self.mainLayout.addWidget(self.summaryView)

        self.questionLabel = QLabel(CloseConfirmDialog)
        self.questionLabel.setObjectName(u"questionLabel")
        self.questionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.questionLabel)

        self.buttons = QDialogButtonBox(CloseConfirmDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)


        self.retranslateUi(CloseConfirmDialog)
    # setupUi

    def retranslateUi(self, CloseConfirmDialog):
        CloseConfirmDialog.setWindowTitle(QCoreApplication.translate("CloseConfirmDialog", u"Close the day", None))
        self.questionLabel.setText(QCoreApplication.translate("CloseConfirmDialog", u"Once closed, the day's money at this counter is locked: new money is taken on a day still open, corrections on a later day. A manager's PIN is asked next.", None))
    # retranslateUi

