# Generated from forms/pickup.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_PickupDialog(object):
    def setupUi(self, PickupDialog):
        if not PickupDialog.objectName():
            PickupDialog.setObjectName(u"PickupDialog")
        PickupDialog.resize(640, 600)
        self.pickupLayout = QVBoxLayout(PickupDialog)
        self.pickupLayout.setObjectName(u"pickupLayout")
        self.introLabel = QLabel(PickupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.RichText)
        self.introLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.pickupLayout.addWidget(self.introLabel)

        self.repairGroup = QGroupBox(PickupDialog)
        self.repairGroup.setObjectName(u"repairGroup")
        self.repairLayout = QVBoxLayout(self.repairGroup)
        self.repairLayout.setObjectName(u"repairLayout")
        self.repairLabel = QLabel(self.repairGroup)
        self.repairLabel.setObjectName(u"repairLabel")
        self.repairLabel.setText(u"")
        self.repairLabel.setWordWrap(True)
        self.repairLabel.setTextFormat(Qt.RichText)
        self.repairLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.repairLayout.addWidget(self.repairLabel)


        self.pickupLayout.addWidget(self.repairGroup)

        self.moneyGroup = QGroupBox(PickupDialog)
        self.moneyGroup.setObjectName(u"moneyGroup")
        self.moneyLayout = QHBoxLayout(self.moneyGroup)
        self.moneyLayout.setObjectName(u"moneyLayout")
        self.moneyLabel = QLabel(self.moneyGroup)
        self.moneyLabel.setObjectName(u"moneyLabel")
        self.moneyLabel.setText(u"")
        self.moneyLabel.setWordWrap(True)
        self.moneyLabel.setTextFormat(Qt.RichText)

        self.moneyLayout.addWidget(self.moneyLabel)

        self.payButton = QPushButton(self.moneyGroup)
        self.payButton.setObjectName(u"payButton")

        self.moneyLayout.addWidget(self.payButton)

        self.moneyLayout.setStretch(0, 1)

        self.pickupLayout.addWidget(self.moneyGroup)

        self.loanerGroup = QGroupBox(PickupDialog)
        self.loanerGroup.setObjectName(u"loanerGroup")
        self.loanerLayout = QHBoxLayout(self.loanerGroup)
        self.loanerLayout.setObjectName(u"loanerLayout")
        self.loanerLabel = QLabel(self.loanerGroup)
        self.loanerLabel.setObjectName(u"loanerLabel")
        self.loanerLabel.setText(u"")
        self.loanerLabel.setWordWrap(True)

        self.loanerLayout.addWidget(self.loanerLabel)

        self.loanerButton = QPushButton(self.loanerGroup)
        self.loanerButton.setObjectName(u"loanerButton")

        self.loanerLayout.addWidget(self.loanerButton)

        self.loanerLayout.setStretch(0, 1)

        self.pickupLayout.addWidget(self.loanerGroup)

        self.accessoriesGroup = QGroupBox(PickupDialog)
        self.accessoriesGroup.setObjectName(u"accessoriesGroup")
        self.accessoriesLayout = QVBoxLayout(self.accessoriesGroup)
        self.accessoriesLayout.setObjectName(u"accessoriesLayout")

        self.pickupLayout.addWidget(self.accessoriesGroup)

        self.owedForm = QFormLayout()
        self.owedForm.setObjectName(u"owedForm")
        self.owedReasonLabel = QLabel(PickupDialog)
        self.owedReasonLabel.setObjectName(u"owedReasonLabel")

        self.owedForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.owedReasonLabel)

        self.owedReasonEdit = QLineEdit(PickupDialog)
        self.owedReasonEdit.setObjectName(u"owedReasonEdit")

        self.owedForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.owedReasonEdit)


        self.pickupLayout.addLayout(self.owedForm)

        self.problemsLabel = QLabel(PickupDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setText(u"")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.RichText)

        self.pickupLayout.addWidget(self.problemsLabel)

        self.pickupSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pickupLayout.addItem(self.pickupSpacer)

        self.messageLabel = QLabel(PickupDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.pickupLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.printButton = QPushButton(PickupDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonLayout.addWidget(self.printButton)

        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.handOverButton = QPushButton(PickupDialog)
        self.handOverButton.setObjectName(u"handOverButton")

        self.buttonLayout.addWidget(self.handOverButton)

        self.closeButton = QPushButton(PickupDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.pickupLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.owedReasonLabel.setBuddy(self.owedReasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.payButton, self.loanerButton)
        QWidget.setTabOrder(self.loanerButton, self.owedReasonEdit)
        QWidget.setTabOrder(self.owedReasonEdit, self.handOverButton)
        QWidget.setTabOrder(self.handOverButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.closeButton)

        self.retranslateUi(PickupDialog)

        self.handOverButton.setDefault(True)

    # setupUi

    def retranslateUi(self, PickupDialog):
        PickupDialog.setWindowTitle(QCoreApplication.translate("PickupDialog", u"Pick-up", None))
        self.repairGroup.setTitle(QCoreApplication.translate("PickupDialog", u"What was done", None))
        self.moneyGroup.setTitle(QCoreApplication.translate("PickupDialog", u"Money", None))
        self.payButton.setText(QCoreApplication.translate("PickupDialog", u"Take the &payment\u2026", None))
        self.loanerGroup.setTitle(QCoreApplication.translate("PickupDialog", u"Loaner", None))
        self.loanerButton.setText(QCoreApplication.translate("PickupDialog", u"&Take the loaner back\u2026", None))
        self.accessoriesGroup.setTitle(QCoreApplication.translate("PickupDialog", u"Accessories handed back (tick each one)", None))
        self.owedReasonLabel.setText(QCoreApplication.translate("PickupDialog", u"&Why it may be owed", None))
        self.owedReasonEdit.setPlaceholderText(QCoreApplication.translate("PickupDialog", u"a manager lets the customer take the product with money owed", None))
        self.printButton.setText(QCoreApplication.translate("PickupDialog", u"P&rint the pick-up receipt\u2026", None))
        self.handOverButton.setText(QCoreApplication.translate("PickupDialog", u"&Hand over", None))
        self.closeButton.setText(QCoreApplication.translate("PickupDialog", u"Close (Esc)", None))
    # retranslateUi

