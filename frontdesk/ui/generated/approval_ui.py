# Generated from forms/approval.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_ApprovalDialog(object):
    def setupUi(self, ApprovalDialog):
        if not ApprovalDialog.objectName():
            ApprovalDialog.setObjectName(u"ApprovalDialog")
        ApprovalDialog.resize(400, 220)
        self.mainLayout = QVBoxLayout(ApprovalDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.whatLabel = QLabel(ApprovalDialog)
        self.whatLabel.setObjectName(u"whatLabel")
        self.whatLabel.setText(u"")
        self.whatLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.whatLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.managerLabel = QLabel(ApprovalDialog)
        self.managerLabel.setObjectName(u"managerLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.managerLabel)

        self.managerCombo = QComboBox(ApprovalDialog)
        self.managerCombo.setObjectName(u"managerCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.managerCombo)

        self.pinLabel = QLabel(ApprovalDialog)
        self.pinLabel.setObjectName(u"pinLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(ApprovalDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.Password)
        self.pinEdit.setMaxLength(20)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pinEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.messageLabel = QLabel(ApprovalDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(ApprovalDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.managerLabel.setBuddy(self.managerCombo)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.managerCombo, self.pinEdit)

        self.retranslateUi(ApprovalDialog)
    # setupUi

    def retranslateUi(self, ApprovalDialog):
        ApprovalDialog.setWindowTitle(QCoreApplication.translate("ApprovalDialog", u"Manager approval", None))
        self.managerLabel.setText(QCoreApplication.translate("ApprovalDialog", u"&Manager", None))
        self.pinLabel.setText(QCoreApplication.translate("ApprovalDialog", u"&PIN", None))
    # retranslateUi

