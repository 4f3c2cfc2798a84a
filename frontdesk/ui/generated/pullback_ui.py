# Generated from forms/pullback.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_PullBackDialog(object):
    def setupUi(self, PullBackDialog):
        if not PullBackDialog.objectName():
            PullBackDialog.setObjectName(u"PullBackDialog")
        PullBackDialog.resize(480, 380)
        self.pullbackLayout = QVBoxLayout(PullBackDialog)
        self.pullbackLayout.setObjectName(u"pullbackLayout")
        self.introLabel = QLabel(PullBackDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.RichText)

        self.pullbackLayout.addWidget(self.introLabel)

        self.conditionTitle = QLabel(PullBackDialog)
        self.conditionTitle.setObjectName(u"conditionTitle")

        self.pullbackLayout.addWidget(self.conditionTitle)

        self.conditionBox = QWidget(PullBackDialog)
        self.conditionBox.setObjectName(u"conditionBox")

        self.pullbackLayout.addWidget(self.conditionBox)

        self.pullbackForm = QFormLayout()
        self.pullbackForm.setObjectName(u"pullbackForm")
        self.noteLabel = QLabel(PullBackDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.pullbackForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(PullBackDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.pullbackForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.accessoriesLabel = QLabel(PullBackDialog)
        self.accessoriesLabel.setObjectName(u"accessoriesLabel")

        self.pullbackForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.accessoriesLabel)

        self.accessoriesEdit = QLineEdit(PullBackDialog)
        self.accessoriesEdit.setObjectName(u"accessoriesEdit")

        self.pullbackForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.accessoriesEdit)

        self.promisedLabel = QLabel(PullBackDialog)
        self.promisedLabel.setObjectName(u"promisedLabel")

        self.pullbackForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.promisedLabel)

        self.promisedEdit = QLineEdit(PullBackDialog)
        self.promisedEdit.setObjectName(u"promisedEdit")

        self.pullbackForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.promisedEdit)


        self.pullbackLayout.addLayout(self.pullbackForm)

        self.messageLabel = QLabel(PullBackDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.pullbackLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(PullBackDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.pullbackLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.noteLabel.setBuddy(self.noteEdit)
        self.accessoriesLabel.setBuddy(self.accessoriesEdit)
        self.promisedLabel.setBuddy(self.promisedEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.noteEdit, self.accessoriesEdit)
        QWidget.setTabOrder(self.accessoriesEdit, self.promisedEdit)
        QWidget.setTabOrder(self.promisedEdit, self.buttons)

        self.retranslateUi(PullBackDialog)
    # setupUi

    def retranslateUi(self, PullBackDialog):
        PullBackDialog.setWindowTitle(QCoreApplication.translate("PullBackDialog", u"Pull back to the workshop", None))
        self.conditionTitle.setText(QCoreApplication.translate("PullBackDialog", u"Condition checked in front of the customer", None))
        self.noteLabel.setText(QCoreApplication.translate("PullBackDialog", u"&Other condition", None))
        self.accessoriesLabel.setText(QCoreApplication.translate("PullBackDialog", u"&Accessories", None))
        self.accessoriesEdit.setPlaceholderText(QCoreApplication.translate("PullBackDialog", u"separated by commas", None))
        self.promisedLabel.setText(QCoreApplication.translate("PullBackDialog", u"&Promised return", None))
        self.promisedEdit.setPlaceholderText(QCoreApplication.translate("PullBackDialog", u"YYYY-MM-DD", None))
    # retranslateUi

