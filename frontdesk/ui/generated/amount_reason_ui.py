# Generated from forms/amount_reason.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_AmountReasonDialog(object):
    def setupUi(self, AmountReasonDialog):
        if not AmountReasonDialog.objectName():
            AmountReasonDialog.setObjectName(u"AmountReasonDialog")
        AmountReasonDialog.resize(440, 240)
        self.reasonLayout = QVBoxLayout(AmountReasonDialog)
        self.reasonLayout.setObjectName(u"reasonLayout")
        self.introLabel = QLabel(AmountReasonDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.RichText)

        self.reasonLayout.addWidget(self.introLabel)

        self.reasonForm = QFormLayout()
        self.reasonForm.setObjectName(u"reasonForm")
        self.amountLabel = QLabel(AmountReasonDialog)
        self.amountLabel.setObjectName(u"amountLabel")

        self.reasonForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.amountLabel)

        self.amountEdit = QLineEdit(AmountReasonDialog)
        self.amountEdit.setObjectName(u"amountEdit")

        self.reasonForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.methodLabel = QLabel(AmountReasonDialog)
        self.methodLabel.setObjectName(u"methodLabel")

        self.reasonForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(AmountReasonDialog)
        self.methodCombo.setObjectName(u"methodCombo")

        self.reasonForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.reasonLabel = QLabel(AmountReasonDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.reasonForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(AmountReasonDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.reasonForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.reasonLayout.addLayout(self.reasonForm)

        self.messageLabel = QLabel(AmountReasonDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.reasonLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(AmountReasonDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.reasonLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.amountLabel.setBuddy(self.amountEdit)
        self.methodLabel.setBuddy(self.methodCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.amountEdit, self.methodCombo)
        QWidget.setTabOrder(self.methodCombo, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.buttons)

        self.retranslateUi(AmountReasonDialog)
    # setupUi

    def retranslateUi(self, AmountReasonDialog):
        AmountReasonDialog.setWindowTitle(QCoreApplication.translate("AmountReasonDialog", u"Amount and reason", None))
        self.amountLabel.setText(QCoreApplication.translate("AmountReasonDialog", u"&Amount", None))
        self.methodLabel.setText(QCoreApplication.translate("AmountReasonDialog", u"&Method", None))
        self.reasonLabel.setText(QCoreApplication.translate("AmountReasonDialog", u"&Reason", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("AmountReasonDialog", u"why: the manager's approval is recorded with it", None))
    # retranslateUi

