# Generated from forms/correct.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

class Ui_CorrectDialog(object):
    def setupUi(self, CorrectDialog):
        if not CorrectDialog.objectName():
            CorrectDialog.setObjectName(u"CorrectDialog")
        CorrectDialog.resize(520, 700)
        self.correctLayout = QVBoxLayout(CorrectDialog)
        self.correctLayout.setObjectName(u"correctLayout")
        self.introLabel = QLabel(CorrectDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)

        self.correctLayout.addWidget(self.introLabel)

        self.formScroll = QScrollArea(CorrectDialog)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setFocusPolicy(Qt.NoFocus)
        self.formScroll.setFrameShape(QFrame.NoFrame)
        self.formScroll.setWidgetResizable(True)
        self.formContents = QWidget()
        self.formContents.setObjectName(u"formContents")
        self.formContentsLayout = QVBoxLayout(self.formContents)
        self.formContentsLayout.setObjectName(u"formContentsLayout")
        self.formContentsLayout.setContentsMargins(0, 0, 0, 0)
        self.customerGroup = QGroupBox(self.formContents)
        self.customerGroup.setObjectName(u"customerGroup")
        self.customerForm = QFormLayout(self.customerGroup)
        self.customerForm.setObjectName(u"customerForm")
        self.nameLabel = QLabel(self.customerGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.customerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.customerGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.customerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.phoneLabel = QLabel(self.customerGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.customerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.customerGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.customerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.addressLabel = QLabel(self.customerGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.customerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.customerGroup)
        self.addressEdit.setObjectName(u"addressEdit")

        self.customerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addressEdit)


        self.formContentsLayout.addWidget(self.customerGroup)

        self.productGroup = QGroupBox(self.formContents)
        self.productGroup.setObjectName(u"productGroup")
        self.productForm = QFormLayout(self.productGroup)
        self.productForm.setObjectName(u"productForm")
        self.categoryLabel = QLabel(self.productGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.productForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryValueLabel = QLabel(self.productGroup)
        self.categoryValueLabel.setObjectName(u"categoryValueLabel")
        self.categoryValueLabel.setText(u"")

        self.productForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.categoryValueLabel)

        self.brandLabel = QLabel(self.productGroup)
        self.brandLabel.setObjectName(u"brandLabel")

        self.productForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.brandLabel)

        self.brandEdit = QLineEdit(self.productGroup)
        self.brandEdit.setObjectName(u"brandEdit")

        self.productForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.brandEdit)

        self.modelLabel = QLabel(self.productGroup)
        self.modelLabel.setObjectName(u"modelLabel")

        self.productForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.modelLabel)

        self.modelEdit = QLineEdit(self.productGroup)
        self.modelEdit.setObjectName(u"modelEdit")

        self.productForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.modelEdit)

        self.serialLabel = QLabel(self.productGroup)
        self.serialLabel.setObjectName(u"serialLabel")

        self.productForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.serialLabel)

        self.serialEdit = QLineEdit(self.productGroup)
        self.serialEdit.setObjectName(u"serialEdit")

        self.productForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.serialEdit)

        self.purchaseLabel = QLabel(self.productGroup)
        self.purchaseLabel.setObjectName(u"purchaseLabel")

        self.productForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.purchaseLabel)

        self.purchaseDateEdit = QLineEdit(self.productGroup)
        self.purchaseDateEdit.setObjectName(u"purchaseDateEdit")

        self.productForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.purchaseDateEdit)

        self.invoiceCheck = QCheckBox(self.productGroup)
        self.invoiceCheck.setObjectName(u"invoiceCheck")

        self.productForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.invoiceCheck)

        self.invoiceNoEdit = QLineEdit(self.productGroup)
        self.invoiceNoEdit.setObjectName(u"invoiceNoEdit")

        self.productForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.invoiceNoEdit)

        self.cardCheck = QCheckBox(self.productGroup)
        self.cardCheck.setObjectName(u"cardCheck")

        self.productForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cardCheck)

        self.cardDateEdit = QLineEdit(self.productGroup)
        self.cardDateEdit.setObjectName(u"cardDateEdit")

        self.productForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.cardDateEdit)

        self.factoryLabel = QLabel(self.productGroup)
        self.factoryLabel.setObjectName(u"factoryLabel")

        self.productForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.factoryLabel)

        self.factoryDateEdit = QLineEdit(self.productGroup)
        self.factoryDateEdit.setObjectName(u"factoryDateEdit")

        self.productForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.factoryDateEdit)

        self.installedLabel = QLabel(self.productGroup)
        self.installedLabel.setObjectName(u"installedLabel")

        self.productForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.installedLabel)

        self.installedOnEdit = QLineEdit(self.productGroup)
        self.installedOnEdit.setObjectName(u"installedOnEdit")

        self.productForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.installedOnEdit)


        self.formContentsLayout.addWidget(self.productGroup)

        self.faultGroup = QGroupBox(self.formContents)
        self.faultGroup.setObjectName(u"faultGroup")
        self.faultForm = QFormLayout(self.faultGroup)
        self.faultForm.setObjectName(u"faultForm")
        self.faultLabel = QLabel(self.faultGroup)
        self.faultLabel.setObjectName(u"faultLabel")

        self.faultForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.faultLabel)

        self.faultEdit = QPlainTextEdit(self.faultGroup)
        self.faultEdit.setObjectName(u"faultEdit")
        self.faultEdit.setMaximumSize(QSize(16777215, 60))
        self.faultEdit.setTabChangesFocus(True)

        self.faultForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.faultEdit)

        self.faultCategoryLabel = QLabel(self.faultGroup)
        self.faultCategoryLabel.setObjectName(u"faultCategoryLabel")

        self.faultForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.faultCategoryLabel)

        self.faultCategoryCombo = QComboBox(self.faultGroup)
        self.faultCategoryCombo.setObjectName(u"faultCategoryCombo")

        self.faultForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.faultCategoryCombo)

        self.requestLabel = QLabel(self.faultGroup)
        self.requestLabel.setObjectName(u"requestLabel")

        self.faultForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.requestLabel)

        self.requestEdit = QLineEdit(self.faultGroup)
        self.requestEdit.setObjectName(u"requestEdit")

        self.faultForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.requestEdit)


        self.formContentsLayout.addWidget(self.faultGroup)

        self.formScroll.setWidget(self.formContents)

        self.correctLayout.addWidget(self.formScroll)

        self.messageLabel = QLabel(CorrectDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.correctLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(CorrectDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.correctLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.brandLabel.setBuddy(self.brandEdit)
        self.modelLabel.setBuddy(self.modelEdit)
        self.serialLabel.setBuddy(self.serialEdit)
        self.purchaseLabel.setBuddy(self.purchaseDateEdit)
        self.factoryLabel.setBuddy(self.factoryDateEdit)
        self.installedLabel.setBuddy(self.installedOnEdit)
        self.faultLabel.setBuddy(self.faultEdit)
        self.faultCategoryLabel.setBuddy(self.faultCategoryCombo)
        self.requestLabel.setBuddy(self.requestEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.brandEdit)
        QWidget.setTabOrder(self.brandEdit, self.modelEdit)
        QWidget.setTabOrder(self.modelEdit, self.serialEdit)
        QWidget.setTabOrder(self.serialEdit, self.purchaseDateEdit)
        QWidget.setTabOrder(self.purchaseDateEdit, self.invoiceCheck)
        QWidget.setTabOrder(self.invoiceCheck, self.invoiceNoEdit)
        QWidget.setTabOrder(self.invoiceNoEdit, self.cardCheck)
        QWidget.setTabOrder(self.cardCheck, self.cardDateEdit)
        QWidget.setTabOrder(self.cardDateEdit, self.factoryDateEdit)
        QWidget.setTabOrder(self.factoryDateEdit, self.installedOnEdit)
        QWidget.setTabOrder(self.installedOnEdit, self.faultEdit)
        QWidget.setTabOrder(self.faultEdit, self.faultCategoryCombo)
        QWidget.setTabOrder(self.faultCategoryCombo, self.requestEdit)
        QWidget.setTabOrder(self.requestEdit, self.buttons)

        self.retranslateUi(CorrectDialog)
    # setupUi

    def retranslateUi(self, CorrectDialog):
        CorrectDialog.setWindowTitle(QCoreApplication.translate("CorrectDialog", u"Correct the ticket", None))
        self.customerGroup.setTitle(QCoreApplication.translate("CorrectDialog", u"Customer", None))
        self.nameLabel.setText(QCoreApplication.translate("CorrectDialog", u"&Name", None))
        self.phoneLabel.setText(QCoreApplication.translate("CorrectDialog", u"Phon&e", None))
        self.addressLabel.setText(QCoreApplication.translate("CorrectDialog", u"&Address", None))
        self.productGroup.setTitle(QCoreApplication.translate("CorrectDialog", u"Product", None))
        self.categoryLabel.setText(QCoreApplication.translate("CorrectDialog", u"Category", None))
        self.brandLabel.setText(QCoreApplication.translate("CorrectDialog", u"&Brand", None))
        self.modelLabel.setText(QCoreApplication.translate("CorrectDialog", u"&Model", None))
        self.serialLabel.setText(QCoreApplication.translate("CorrectDialog", u"Seria&l no.", None))
        self.purchaseLabel.setText(QCoreApplication.translate("CorrectDialog", u"&Purchase date", None))
        self.purchaseDateEdit.setPlaceholderText(QCoreApplication.translate("CorrectDialog", u"YYYY-MM-DD", None))
        self.invoiceCheck.setText(QCoreApplication.translate("CorrectDialog", u"&Invoice shown", None))
        self.invoiceNoEdit.setPlaceholderText(QCoreApplication.translate("CorrectDialog", u"invoice number", None))
        self.cardCheck.setText(QCoreApplication.translate("CorrectDialog", u"Warranty car&d shown", None))
        self.cardDateEdit.setPlaceholderText(QCoreApplication.translate("CorrectDialog", u"date stamped on the card", None))
        self.factoryLabel.setText(QCoreApplication.translate("CorrectDialog", u"Factory da&te", None))
        self.factoryDateEdit.setPlaceholderText(QCoreApplication.translate("CorrectDialog", u"YYYY-MM-DD", None))
        self.installedLabel.setText(QCoreApplication.translate("CorrectDialog", u"Installed &on", None))
        self.installedOnEdit.setPlaceholderText(QCoreApplication.translate("CorrectDialog", u"YYYY-MM-DD", None))
        self.faultGroup.setTitle(QCoreApplication.translate("CorrectDialog", u"Fault and request", None))
        self.faultLabel.setText(QCoreApplication.translate("CorrectDialog", u"Fa&ult", None))
        self.faultCategoryLabel.setText(QCoreApplication.translate("CorrectDialog", u"Fault cate&gory", None))
        self.requestLabel.setText(QCoreApplication.translate("CorrectDialog", u"Re&quest", None))
    # retranslateUi

